package id.rekam.devices.scanner;

import jssc.SerialPort;
import jssc.SerialPortException;
import jssc.SerialPortTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A serial port through jssc, opened by path (a USB adapter like {@code /dev/ttyUSB0} or a
 * pseudo-terminal's symlink). 8N1 at the configured baud; a pseudo-terminal refuses line
 * settings, which is logged and otherwise harmless.
 */
public final class JsscTransport implements R30xTransport {

    private static final Logger LOG = LoggerFactory.getLogger(JsscTransport.class);
    /** The device monitor reopens ports every poll; say once per port that its line settings were refused. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final SerialPort port;
    private final String path;

    private JsscTransport(SerialPort port, String path) {
        this.port = port;
        this.path = path;
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
        return new JsscTransport(port, path);
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
        try {
            return port.readBytes(count, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        } catch (SerialPortTimeoutException e) {
            // An unplugged adapter often looks like silence; its device node vanishing tells them apart.
            if (!R30xPorts.present(path)) {
                throw new R30xException.Closed(path, e);
            }
            throw new R30xException.Timeout(path, timeout.toMillis());
        } catch (SerialPortException e) {
            throw new R30xException.Closed(path, e);
        }
    }

    @Override
    public void discardInput() throws R30xException {
        try {
            port.purgePort(SerialPort.PURGE_RXCLEAR);
            int pending = port.getInputBufferBytesCount();
            if (pending > 0) {
                port.readBytes(pending);
            }
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
        try {
            if (port.isOpened()) {
                port.closePort();
            }
        } catch (SerialPortException e) {
            LOG.debug("{}: close failed: {}", path, e.getExceptionType());
        }
    }
}
