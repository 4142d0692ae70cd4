package id.rekam.devices.scanner;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

import java.util.Arrays;
import java.util.Optional;

/**
 * The few POSIX calls the serial code needs and Java has no API for (non-blocking reads of a
 * tty, {@code openpty}), through JNA. Linux and macOS only; the binding is made on first use,
 * so a machine without it fails where {@link #unsupported()} or a caught {@link LinkageError}
 * says so, not when a class loads.
 */
final class Libc {

    private static final boolean MAC = Platform.isMac();
    static final int O_RDONLY = 0;
    static final int O_NOCTTY = MAC ? 0x20000 : 0x100;
    static final int O_NONBLOCK = MAC ? 0x4 : 0x800;
    static final int F_SETFD = 2;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int FD_CLOEXEC = 1;
    static final int TCSANOW = 0;
    private static final NativeLong FIONREAD = new NativeLong(MAC ? 0x4004667FL : 0x541BL);
    private static final int EAGAIN = MAC ? 35 : 11;
    private static final int EINTR = 4;

    private Libc() {
    }

    interface C extends Library {
        int open(String path, int flags);

        NativeLong read(int fd, byte[] buffer, NativeLong count);

        NativeLong write(int fd, byte[] buffer, NativeLong count);

        int close(int fd);

        int fcntl(int fd, int command, Object... argument);

        int ioctl(int fd, NativeLong request, Object... argument);

        int tcgetattr(int fd, Pointer termios);

        int tcsetattr(int fd, int when, Pointer termios);

        void cfmakeraw(Pointer termios);
    }

    interface Util extends Library {
        int openpty(IntByReference master, IntByReference slave, byte[] name, Pointer termios, Pointer winsize);
    }

    /** Why these calls cannot be made here; empty on Linux and macOS. */
    static Optional<String> unsupported() {
        if (Platform.isWindows()) {
            return Optional.of("Windows has no pseudo-terminals (no openpty)");
        }
        if (!Platform.isLinux() && !MAC) {
            return Optional.of("the POSIX tty calls are wired for Linux and macOS only, not " + System.getProperty("os.name"));
        }
        return Optional.empty();
    }

    static C c() {
        return Bound.C;
    }

    static Util util() {
        return Bound.UTIL;
    }

    static int errno() {
        return Native.getLastError();
    }

    /** Reads what {@code fd} holds now: the count read, 0 when nothing is there yet, -1 when the line is gone. */
    static int readNow(int fd, byte[] into, int offset, int length) {
        byte[] chunk = offset == 0 ? into : new byte[length];
        long n = c().read(fd, chunk, new NativeLong(length)).longValue();
        if (n > 0) {
            if (chunk != into) {
                System.arraycopy(chunk, 0, into, offset, (int) n);
            }
            return (int) n;
        }
        // 0 is end of file: a hung-up tty. EIO: the other end of a pseudo-terminal closed.
        return n < 0 && isTransient(errno()) ? 0 : -1;
    }

    /**
     * How many received bytes a tty holds, -1 when it is hung up. A tty in jssc's raw mode
     * (VMIN = VTIME = 0) answers a read with 0 both when it is empty and when it is hung up, so
     * reads of it ask this first.
     */
    static int bytesWaiting(int fd) {
        IntByReference count = new IntByReference();
        return c().ioctl(fd, FIONREAD, count) < 0 ? -1 : count.getValue();
    }

    /** Writes what {@code fd} takes now from {@code offset} on: the count written, 0 when full, -1 when the line is gone. */
    static int writeNow(int fd, byte[] bytes, int offset) {
        byte[] rest = offset == 0 ? bytes : Arrays.copyOfRange(bytes, offset, bytes.length);
        long n = c().write(fd, rest, new NativeLong(rest.length)).longValue();
        if (n >= 0) {
            return (int) n;
        }
        return isTransient(errno()) ? 0 : -1;
    }

    private static boolean isTransient(int errno) {
        return errno == EAGAIN || errno == EINTR;
    }

    private static final class Bound {
        static final C C = Native.load(Platform.C_LIBRARY_NAME, C.class);
        /* glibc before 2.34 keeps openpty in libutil; newer glibc, musl and macOS in libc. */
        static final Util UTIL = Native.load(has(Platform.C_LIBRARY_NAME, "openpty") ? Platform.C_LIBRARY_NAME : "util", Util.class);

        private static boolean has(String library, String function) {
            try {
                NativeLibrary.getInstance(library).getFunction(function);
                return true;
            } catch (UnsatisfiedLinkError e) {
                return false;
            }
        }
    }
}
