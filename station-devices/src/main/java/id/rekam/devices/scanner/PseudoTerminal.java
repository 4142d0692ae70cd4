package id.rekam.devices.scanner;

import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A pseudo-terminal pair made in this process by libc's {@code openpty} (called through JNA):
 * the slave is a real tty ({@code /dev/pts/N}) that jssc opens exactly as it opens a USB
 * adapter, and the master end is read and written here by the SIMULATED module. It replaces
 * a {@code socat} child process, so a machine with only a JDK runs the serial tests and demo
 * mode over the real driver. Not available on Windows (no pseudo-terminals) nor where libc
 * cannot be called; {@link #unavailableReason()} says why.
 *
 * <p>The pair lives as long as this object: closing it is pulling the cable, the kernel hangs
 * up the slave and removes its device node. The slave is kept open here too, so the line
 * survives the station closing and reopening its port between probes, as a cable does.
 */
final class PseudoTerminal implements AutoCloseable {

    /** The master is non-blocking; an empty or full line is waited out in naps of at most this. */
    private static final Duration MAX_NAP = Duration.ofMillis(2);

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
        Optional<String> platform = Libc.unsupported();
        if (platform.isPresent()) {
            throw new IOException(platform.get());
        }
        return openPair();
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
                Libc.c().close(master);
                Libc.c().close(slave);
                master = -1;
                slave = -1;
            }
        }
    }

    /** What the master holds now (see {@link Libc#readNow}); -1 once the pair is closed. */
    private int readSome(byte[] into, int offset, int length) {
        synchronized (lock) {
            return master < 0 ? -1 : Libc.readNow(master, into, offset, length);
        }
    }

    /** What the master takes now (see {@link Libc#writeNow}); -1 once the pair is closed. */
    private int writeSome(byte[] bytes, int offset) {
        synchronized (lock) {
            return master < 0 ? -1 : Libc.writeNow(master, bytes, offset);
        }
    }

    private final class MasterTransport extends PollingTransport {

        private final String name;

        MasterTransport(String name) {
            super(MAX_NAP);
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected int readNow(byte[] into, int offset, int length) {
            return readSome(into, offset, length);
        }

        @Override
        public void write(byte[] bytes) throws R30xException {
            int written = 0;
            while (written < bytes.length) {
                int n = writeSome(bytes, written);
                if (n < 0) {
                    throw new R30xException.Closed(name, null);
                }
                written += n;
                if (n == 0) {
                    // Full: the host is not reading. Closing the pair ends this wait.
                    LockSupport.parkNanos(MAX_NAP.toNanos());
                }
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
                // Also binds every call both ends will make, so the first exchange does not pay for it.
                pair.readSome(new byte[1], 0, 1);
                pair.writeSome(new byte[0], 0);
                Libc.bytesWaiting(pair.slave);
                return Optional.empty();
            } catch (IOException e) {
                return Optional.of(e.getMessage());
            } catch (LinkageError e) {
                return Optional.of("JNA could not call libc here: " + e);
            }
        }
    }

    private static PseudoTerminal openPair() throws IOException {
        IntByReference master = new IntByReference(-1);
        IntByReference slave = new IntByReference(-1);
        byte[] name = new byte[1024];
        if (Libc.util().openpty(master, slave, name, null, null) != 0) {
            throw new IOException("openpty failed (errno " + Libc.errno() + ")");
        }
        int m = master.getValue();
        int s = slave.getValue();
        Libc.C c = Libc.c();
        try {
            // Raw on the slave: a module's bytes are binary, and a tty's defaults would echo and translate them.
            Memory termios = new Memory(512);
            termios.clear();
            check(c.tcgetattr(s, termios), "tcgetattr");
            c.cfmakeraw(termios);
            check(c.tcsetattr(s, Libc.TCSANOW, termios), "tcsetattr");
            int flags = c.fcntl(m, Libc.F_GETFL);
            check(flags, "fcntl(F_GETFL)");
            check(c.fcntl(m, Libc.F_SETFL, flags | Libc.O_NONBLOCK), "fcntl(F_SETFL)");
            // Not inherited by child processes, which would otherwise keep an unplugged line alive.
            check(c.fcntl(m, Libc.F_SETFD, Libc.FD_CLOEXEC), "fcntl(F_SETFD)");
            check(c.fcntl(s, Libc.F_SETFD, Libc.FD_CLOEXEC), "fcntl(F_SETFD)");
        } catch (IOException e) {
            c.close(m);
            c.close(s);
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
            throw new IOException(call + " failed on a new pseudo-terminal (errno " + Libc.errno() + ")");
        }
    }
}
