package id.rekam.devices.scanner;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A pseudo-terminal pair made in this process by libc's {@code openpty} (called through JNA):
 * the slave is a real tty ({@code /dev/pts/N}) that jssc opens exactly as it opens a USB
 * adapter, and the master end is read and written here by the SIMULATED module. It replaces
 * a {@code socat} child process, so a machine with only a JDK runs the serial tests and demo
 * mode over the real driver. Not available on Windows (no pseudo-terminals) nor where libc has
 * no {@code openpty}; {@link #unavailableReason()} says why.
 *
 * <p>The pair lives as long as this object: closing it is pulling the cable, the kernel hangs
 * up the slave and removes its device node. The slave is kept open here too, so the line
 * survives the station closing and reopening its port between probes, as a cable does.
 */
final class PseudoTerminal implements AutoCloseable {

    private static final boolean BSD = Platform.isMac() || Platform.isFreeBSD() || Platform.isOpenBSD();
    /** The master is non-blocking; an empty or full line is waited out in short naps. */
    private static final long MAX_NAP_NANOS = Duration.ofMillis(2).toNanos();

    private final String slavePath;
    private final Object lock = new Object();
    private int master;
    private int slave;

    private PseudoTerminal(int master, int slave, String slavePath) {
        this.master = master;
        this.slave = slave;
        this.slavePath = slavePath;
    }

    /** Why this machine cannot make a pair (empty when it can); found out once, by making one. */
    static Optional<String> unavailableReason() {
        return Probe.REASON;
    }

    /** Makes a raw (8-bit clean, no echo, no line editing) pair. */
    static PseudoTerminal open() throws IOException {
        Optional<String> platform = platformProblem();
        if (platform.isPresent()) {
            throw new IOException(platform.get());
        }
        return Posix.openPair();
    }

    /** The slave's device path, e.g. {@code /dev/pts/7}: what the station opens. */
    String slavePath() {
        return slavePath;
    }

    boolean isOpen() {
        synchronized (lock) {
            return master >= 0;
        }
    }

    /** The module's end of the line. Closing it closes the pair. */
    R30xTransport master(String name) {
        return new MasterTransport(name);
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (master >= 0) {
                Posix.LIBC.close(master);
                Posix.LIBC.close(slave);
                master = -1;
                slave = -1;
            }
        }
    }

    /** Reads what the line holds now into {@code into}; 0 when nothing is there, -1 when the pair is gone. */
    private int readSome(byte[] into, int offset, int length) {
        byte[] chunk = offset == 0 ? into : new byte[length];
        synchronized (lock) {
            if (master < 0) {
                return -1;
            }
            long n = Posix.LIBC.read(master, chunk, new NativeLong(length)).longValue();
            if (n > 0) {
                if (chunk != into) {
                    System.arraycopy(chunk, 0, into, offset, (int) n);
                }
                return (int) n;
            }
            return n < 0 && Native.getLastError() == Posix.EAGAIN ? 0 : -1;
        }
    }

    /** Writes what the line takes now; 0 when it is full, -1 when the pair is gone. */
    private int writeSome(byte[] bytes, int offset) {
        byte[] rest = offset == 0 ? bytes : Arrays.copyOfRange(bytes, offset, bytes.length);
        synchronized (lock) {
            if (master < 0) {
                return -1;
            }
            long n = Posix.LIBC.write(master, rest, new NativeLong(rest.length)).longValue();
            if (n >= 0) {
                return (int) n;
            }
            return Native.getLastError() == Posix.EAGAIN ? 0 : -1;
        }
    }

    private static Optional<String> platformProblem() {
        if (Platform.isWindows()) {
            return Optional.of("Windows has no pseudo-terminals (no openpty)");
        }
        if (!Platform.isLinux() && !BSD) {
            return Optional.of("pseudo-terminals are wired for Linux, macOS and the BSDs only, not " + System.getProperty("os.name"));
        }
        return Optional.empty();
    }

    private static void nap(int idleRounds) {
        LockSupport.parkNanos(Math.min(MAX_NAP_NANOS, 50_000L << Math.min(idleRounds, 10)));
    }

    private final class MasterTransport implements R30xTransport {

        private final String name;

        MasterTransport(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void write(byte[] bytes) throws R30xException {
            int written = 0;
            int idle = 0;
            while (written < bytes.length) {
                int n = writeSome(bytes, written);
                if (n < 0) {
                    throw new R30xException.Closed(name, null);
                }
                written += n;
                idle = n == 0 ? idle + 1 : 0;
                if (n == 0) {
                    nap(idle);
                }
            }
        }

        @Override
        public byte[] read(int count, Duration timeout) throws R30xException {
            byte[] out = new byte[count];
            int filled = 0;
            int idle = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (filled < count) {
                int n = readSome(out, filled, count - filled);
                if (n < 0) {
                    throw new R30xException.Closed(name, null);
                }
                filled += n;
                if (n > 0) {
                    idle = 0;
                    continue;
                }
                if (System.nanoTime() > deadline) {
                    throw new R30xException.Timeout(name, timeout.toMillis());
                }
                nap(++idle);
            }
            return out;
        }

        @Override
        public void discardInput() throws R30xException {
            byte[] scratch = new byte[4096];
            int n;
            while ((n = readSome(scratch, 0, scratch.length)) > 0) {
                // dropped
            }
            if (n < 0) {
                throw new R30xException.Closed(name, null);
            }
        }

        @Override
        public boolean isOpen() {
            return PseudoTerminal.this.isOpen();
        }

        @Override
        public void close() {
            PseudoTerminal.this.close();
        }
    }

    /** Tries once per process; a failure here is a skip reason for tests and a warning in demo mode. */
    private static final class Probe {
        static final Optional<String> REASON = probe();

        private static Optional<String> probe() {
            try (PseudoTerminal pair = open()) {
                return Optional.empty();
            } catch (IOException e) {
                return Optional.of(e.getMessage());
            } catch (LinkageError e) {
                return Optional.of("JNA could not call libc here: " + e);
            }
        }
    }

    /** The libc calls, bound on first use so that a machine without them fails in {@link Probe}, not at class load. */
    private static final class Posix {

        interface LibC extends Library {
            NativeLong read(int fd, byte[] buffer, NativeLong count);

            NativeLong write(int fd, byte[] buffer, NativeLong count);

            int close(int fd);

            int fcntl(int fd, int command, Object... argument);

            int tcgetattr(int fd, Pointer termios);

            int tcsetattr(int fd, int when, Pointer termios);

            void cfmakeraw(Pointer termios);
        }

        interface Util extends Library {
            int openpty(IntByReference master, IntByReference slave, byte[] name, Pointer termios, Pointer winsize);
        }

        private static final int F_SETFD = 2;
        private static final int F_GETFL = 3;
        private static final int F_SETFL = 4;
        private static final int FD_CLOEXEC = 1;
        private static final int TCSANOW = 0;
        /* The two constants that differ between the systems this supports. */
        private static final int O_NONBLOCK = BSD ? 0x4 : 0x800;
        static final int EAGAIN = BSD ? 35 : 11;

        static final LibC LIBC = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
        /* glibc before 2.34 keeps openpty in libutil; newer glibc, musl and macOS in libc. */
        private static final Util UTIL = Native.load(hasOpenpty(Platform.C_LIBRARY_NAME) ? Platform.C_LIBRARY_NAME : "util", Util.class);

        private static boolean hasOpenpty(String library) {
            try {
                NativeLibrary.getInstance(library).getFunction("openpty");
                return true;
            } catch (UnsatisfiedLinkError e) {
                return false;
            }
        }

        static PseudoTerminal openPair() throws IOException {
            IntByReference master = new IntByReference(-1);
            IntByReference slave = new IntByReference(-1);
            byte[] name = new byte[1024];
            if (UTIL.openpty(master, slave, name, null, null) != 0) {
                throw new IOException("openpty failed (errno " + Native.getLastError() + ")");
            }
            int m = master.getValue();
            int s = slave.getValue();
            try {
                // Raw on the slave: a module's bytes are binary, and a tty's defaults would echo and translate them.
                Memory termios = new Memory(512);
                termios.clear();
                check(LIBC.tcgetattr(s, termios), "tcgetattr");
                LIBC.cfmakeraw(termios);
                check(LIBC.tcsetattr(s, TCSANOW, termios), "tcsetattr");
                int flags = LIBC.fcntl(m, F_GETFL);
                check(flags, "fcntl(F_GETFL)");
                check(LIBC.fcntl(m, F_SETFL, flags | O_NONBLOCK), "fcntl(F_SETFL)");
                // Not inherited by child processes, which would otherwise keep an unplugged line alive.
                check(LIBC.fcntl(m, F_SETFD, FD_CLOEXEC), "fcntl(F_SETFD)");
                check(LIBC.fcntl(s, F_SETFD, FD_CLOEXEC), "fcntl(F_SETFD)");
            } catch (IOException e) {
                LIBC.close(m);
                LIBC.close(s);
                throw e;
            }
            int end = 0;
            while (end < name.length && name[end] != 0) {
                end++;
            }
            return new PseudoTerminal(m, s, new String(name, 0, end, StandardCharsets.US_ASCII));
        }

        private static void check(int result, String call) throws IOException {
            if (result < 0) {
                throw new IOException(call + " failed on a new pseudo-terminal (errno " + Native.getLastError() + ")");
            }
        }
    }
}
