package id.rekam.devices.scanner;

import jssc.SerialPort;
import jssc.SerialPortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * A serial port through jssc, opened by path (a USB adapter like {@code /dev/ttyUSB0} or a
 * pseudo-terminal's symlink). 8N1 at the configured baud; a pseudo-terminal refuses line
 * settings, which is logged and otherwise harmless.
 *
 * <p>Reads do not go through jssc: its native {@code readBytes} loops forever once the tty is
 * hung up (java-native/jssc #94, #126) — an unplugged scanner pinned a core for 22 minutes in
 * a test. On POSIX systems the same device node is opened a second time as a plain stream and
 * only bytes already buffered are read, so a hang-up shows as end of stream or an I/O error,
 * i.e. {@link R30xException.Closed}. jssc still opens, configures, writes and closes.
 */
public final class JsscTransport implements R30xTransport {

    private static final Logger LOG = LoggerFactory.getLogger(JsscTransport.class);
    /** The device monitor reopens ports every poll; say once per port that its line settings were refused. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    /** Poll interval while waiting for reply bytes: at 57,600 baud about 3 bytes arrive in 0.5 ms. */
    private static final long POLL_NANOS = 500_000;

    private final SerialPort port;
    private final String path;
    private final InputStream in;

    private JsscTransport(SerialPort port, String path, InputStream in) {
        this.port = port;
        this.path = path;
        this.in = in;
    }

    public static JsscTransport open(String path, int baud) throws R30xException {
        SerialPort port = new SerialPort(path);
        try {
            port.openPort();
        } catch (SerialPortException e) {
            throw new R30xException(e, "r30x.open", path, e.getExceptionType());
        }
        try {
            if (!port.setParams(baud, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE)) {
                warnOnce(path, "a pseudo-terminal?");
            }
        } catch (SerialPortException e) {
            warnOnce(path, e.getExceptionType());
        }
        if (!path.startsWith("/")) {
            // Windows (COMn): no device node to read as a stream; jssc's reader is used there.
            return new JsscTransport(port, path, null);
        }
        try {
            return new JsscTransport(port, path, new FileInputStream(path));
        } catch (IOException e) {
            try {
                port.closePort();
            } catch (SerialPortException ignored) {
                // already failing; the open error is the one to report
            }
            throw new R30xException(e, "r30x.open", path, e.getMessage());
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

    @Override
    public byte[] read(int count, Duration timeout) throws R30xException {
        byte[] out = new byte[count];
        int filled = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (filled < count) {
                int available = available();
                if (available > 0) {
                    int n = readAvailable(out, filled, Math.min(available, count - filled));
                    if (n <= 0) {
                        throw new R30xException.Closed(path, null);
                    }
                    filled += n;
                    continue;
                }
                // An unplugged adapter often looks like silence; its device node vanishing tells them apart.
                if (!R30xPorts.present(path)) {
                    throw new R30xException.Closed(path, null);
                }
                if (System.nanoTime() > deadline) {
                    throw new R30xException.Timeout(path, timeout.toMillis());
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
            return out;
        } catch (IOException | SerialPortException e) {
            throw new R30xException.Closed(path, e);
        }
    }

    private int available() throws IOException, SerialPortException {
        return in != null ? in.available() : port.getInputBufferBytesCount();
    }

    /** Reads bytes already buffered (never waits for more); -1 when the line is gone. */
    private int readAvailable(byte[] into, int offset, int length) throws IOException, SerialPortException {
        if (in != null) {
            return in.read(into, offset, length);
        }
        byte[] chunk = port.readBytes(length);
        if (chunk == null) {
            return -1;
        }
        System.arraycopy(chunk, 0, into, offset, chunk.length);
        return chunk.length;
    }

    @Override
    public void discardInput() throws R30xException {
        try {
            port.purgePort(SerialPort.PURGE_RXCLEAR);
            int pending = available();
            if (pending > 0 && readAvailable(new byte[pending], 0, pending) < 0) {
                throw new R30xException.Closed(path, null);
            }
        } catch (IOException | SerialPortException e) {
            throw new R30xException.Closed(path, e);
        }
    }

    @Override
    public boolean isOpen() {
        return port.isOpened() && R30xPorts.present(path);
    }

    @Override
    public void close() {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                LOG.debug("{}: closing the read stream failed: {}", path, e.getMessage());
            }
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
