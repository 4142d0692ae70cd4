package id.rekam.devices.scanner;

import com.sun.jna.Native;
import jssc.SerialPort;
import jssc.SerialPortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A serial port through jssc, opened by path (a USB adapter like {@code /dev/ttyUSB0} or a
 * pseudo-terminal's symlink). 8N1 at the configured baud; a pseudo-terminal refuses line
 * settings, which is logged and otherwise harmless.
 *
 * <p>Reads do not go through jssc: its native {@code readBytes} loops forever once the tty is
 * hung up (java-native/jssc #94, #126) — an unplugged scanner pinned a core for 22 minutes in
 * a test. On POSIX systems the device node is opened a second time, non-blocking, through libc
 * ({@link Libc}), and only bytes already there are read, so a hang-up shows as end of file or
 * an I/O error, i.e. {@link R30xException.Closed}. That second open comes first: jssc makes
 * the tty exclusive (TIOCEXCL), after which any other open fails with EBUSY for all but root,
 * and a station runs as its operator. jssc still opens, configures, writes and closes.
 */
public final class JsscTransport extends PollingTransport {

    private static final Logger LOG = LoggerFactory.getLogger(JsscTransport.class);
    /** The device monitor reopens ports every poll; say once per port that its line settings were refused. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    /** Longest pause between looks while waiting for reply bytes: at 57,600 baud about 3 bytes arrive in 0.5 ms. */
    private static final Duration MAX_NAP = Duration.ofNanos(500_000);

    private final SerialPort port;
    private final String path;
    /** Whether bytes are read through our own read end of the tty rather than jssc's reader (Windows' COMn). */
    private final boolean ownReadEnd;
    private final Object readLock = new Object();
    /** The non-blocking read end; -1 once closed. */
    private int readFd;

    private JsscTransport(SerialPort port, String path, int readFd) {
        super(MAX_NAP);
        this.port = port;
        this.path = path;
        this.ownReadEnd = readFd >= 0;
        this.readFd = readFd;
    }

    public static JsscTransport open(String path, int baud) throws R30xException {
        int readFd = path.startsWith("/") ? openReadEnd(path) : -1;
        SerialPort port = new SerialPort(path);
        try {
            port.openPort();
        } catch (SerialPortException e) {
            closeReadEnd(readFd);
            throw new R30xException(e, "r30x.open", path, e.getExceptionType());
        }
        try {
            if (!port.setParams(baud, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE)) {
                warnOnce(path, "a pseudo-terminal?");
            }
        } catch (SerialPortException e) {
            warnOnce(path, e.getExceptionType());
        }
        if (path.startsWith("/") && readFd < 0) {
            LOG.warn("{}: no read end of its own; reading through jssc, which hangs if the port is pulled mid-read", path);
        }
        return new JsscTransport(port, path, readFd);
    }

    /**
     * For the installed station's self-test: how scanner reads work on this runtime. Reads of a
     * read end of their own (JNA calling libc) are what keeps a pulled scanner from hanging a
     * read, so a runtime that cannot load JNA fails here, with a {@link LinkageError}.
     */
    public static String describeReads() {
        Optional<String> unsupported = Libc.unsupported();
        if (unsupported.isPresent()) {
            return "scanner reads go through jssc on this system (" + unsupported.get() + ")";
        }
        Libc.c().close(-1); // binds libc through JNA; "bad file descriptor" is the expected answer
        return "scanner reads through a libc read end of their own (JNA " + Native.VERSION + ")";
    }

    /** Non-blocking, so the open waits for no modem carrier and reads never wait; -1 when it cannot be had. */
    private static int openReadEnd(String path) {
        if (Libc.unsupported().isPresent()) {
            return -1;
        }
        try {
            int fd = Libc.c().open(path, Libc.O_RDONLY | Libc.O_NOCTTY | Libc.O_NONBLOCK);
            if (fd < 0) {
                LOG.debug("{}: read end not opened (errno {})", path, Libc.errno());
            } else {
                Libc.c().fcntl(fd, Libc.F_SETFD, Libc.FD_CLOEXEC);
            }
            return fd;
        } catch (LinkageError e) {
            LOG.debug("{}: libc not callable here: {}", path, e.toString());
            return -1;
        }
    }

    private static void closeReadEnd(int fd) {
        if (fd >= 0) {
            Libc.c().close(fd);
        }
    }

    private static void warnOnce(String path, String why) {
        if (WARNED.add(path)) {
            LOG.warn("{}: line settings refused ({}); continuing", path, why);
        } else {
            LOG.debug("{}: line settings refused ({}); continuing", path, why);
        }
    }

    @Override
    public String name() {
        return path;
    }

    @Override
    public void write(byte[] bytes) throws R30xException {
        try {
            if (!port.writeBytes(bytes)) {
                throw new R30xException.Closed(path, null);
            }
        } catch (SerialPortException e) {
            throw new R30xException.Closed(path, e);
        }
    }

    /** Reads bytes already received (never waits for more): the count, 0 when none yet, -1 when the line is gone. */
    @Override
    protected int readNow(byte[] into, int offset, int length) throws R30xException {
        synchronized (readLock) {
            if (ownReadEnd) {
                int available = readFd < 0 ? -1 : Libc.bytesWaiting(readFd);
                if (available <= 0) {
                    return available;
                }
                // Bytes announced and then not readable: the line went away in between.
                int n = Libc.readNow(readFd, into, offset, Math.min(available, length));
                return n > 0 ? n : -1;
            }
            try {
                int available = port.getInputBufferBytesCount();
                if (available <= 0) {
                    return available < 0 ? -1 : 0;
                }
                byte[] chunk = port.readBytes(Math.min(available, length));
                if (chunk == null) {
                    return -1;
                }
                System.arraycopy(chunk, 0, into, offset, chunk.length);
                return chunk.length;
            } catch (SerialPortException e) {
                throw new R30xException.Closed(path, e);
            }
        }
    }

    /** An unplugged adapter often looks like silence; its device node vanishing tells them apart. */
    @Override
    protected boolean stillThere() {
        return R30xPorts.present(path);
    }

    @Override
    protected void purge() throws R30xException {
        try {
            port.purgePort(SerialPort.PURGE_RXCLEAR);
        } catch (SerialPortException e) {
            throw new R30xException.Closed(path, e);
        }
    }

    @Override
    public boolean isOpen() {
        return port.isOpened() && R30xPorts.present(path);
    }

    @Override
    public void close() {
        synchronized (readLock) {
            closeReadEnd(readFd);
            readFd = -1;
        }
        try {
            if (port.isOpened()) {
                port.closePort();
            }
        } catch (SerialPortException e) {
            LOG.debug("{}: close failed: {}", path, e.getExceptionType());
        }
    }
}
