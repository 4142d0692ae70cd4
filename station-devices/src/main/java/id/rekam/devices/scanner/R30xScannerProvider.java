package id.rekam.devices.scanner;

import id.rekam.core.domain.DeviceRef;
import id.rekam.devices.DetectedDevice;
import id.rekam.devices.DeviceConfig;
import id.rekam.devices.DeviceContext;
import id.rekam.devices.DeviceException;
import id.rekam.devices.DeviceIdentity;
import id.rekam.devices.DeviceKind;
import id.rekam.devices.DeviceProvider;
import id.rekam.devices.FingerprintScanner;
import jssc.SerialPortList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds R30x-compatible scanners on the configured serial ports by asking each for its
 * password check and system parameters. The basic protocol has no serial number, so a
 * scanner's identity is derived from port, address and parameters; a technician can rename
 * it in the registry. Ports held open by this station are not probed again: they count as
 * attached while their device node exists and the line is open. Probing and opening are
 * serialised so the monitor never grabs a port the app is opening.
 */
public final class R30xScannerProvider implements DeviceProvider<FingerprintScanner> {

    private static final Logger LOG = LoggerFactory.getLogger(R30xScannerProvider.class);
    private static final Pattern AUTO_PORTS = Pattern.compile("tty(USB|ACM)\\d+");

    private final Map<String, R30xFingerprintScanner> openByPort = new ConcurrentHashMap<>();
    private final Clock clock;
    private DeviceContext context;

    public R30xScannerProvider() {
        this(Clock.systemUTC());
    }

    public R30xScannerProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String id() {
        return "r30x";
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.FINGERPRINT_SCANNER;
    }

    @Override
    public Class<FingerprintScanner> deviceType() {
        return FingerprintScanner.class;
    }

    @Override
    public boolean simulated() {
        return false;
    }

    @Override
    public void configure(DeviceContext context) {
        this.context = context;
    }

    @Override
    public synchronized List<DetectedDevice> probe() {
        DeviceConfig config = context.config();
        List<DetectedDevice> found = new ArrayList<>();
        for (String port : ports(config)) {
            boolean simulated = isSimulated(port, config);
            if (simulated && !config.simulatedAllowed()) {
                continue;
            }
            R30xFingerprintScanner open = openByPort.get(port);
            if (open != null) {
                if (open.isOpen() && R30xPorts.present(port)) {
                    found.add(new DetectedDevice(open.ref(), port));
                    continue;
                }
                openByPort.remove(port, open);
            }
            if (!R30xPorts.present(port)) {
                continue;
            }
            try (R30xTransport t = R30xPorts.open(port, config.scannerBaud())) {
                R30xScanner s = new R30xScanner(t, config.scannerAddress(), config.scannerTimeout());
                s.verifyPassword(config.scannerPassword());
                R30xSysParams params = s.readSysParams();
                found.add(new DetectedDevice(identify(port, params, simulated), port));
            } catch (R30xException e) {
                LOG.debug("{}: no R30x answering: {}", port, e.getMessage());
            }
        }
        return found;
    }

    @Override
    public synchronized FingerprintScanner open(DetectedDevice device) throws DeviceException {
        DeviceConfig config = context.config();
        String port = device.connection();
        R30xFingerprintScanner already = openByPort.get(port);
        if (already != null && already.isOpen()) {
            throw new DeviceException("scanner.busy", port);
        }
        R30xTransport transport = R30xPorts.open(port, config.scannerBaud());
        R30xFingerprintScanner[] holder = new R30xFingerprintScanner[1];
        R30xFingerprintScanner probed = R30xFingerprintScanner.connect(transport, config.scannerAddress(),
                config.scannerPassword(), config.scannerTimeout(), device.ref(), clock,
                () -> openByPort.remove(port, holder[0]));
        DeviceRef now = identify(port, probed.sysParams(), device.ref().simulated());
        if (!now.deviceId().equals(device.ref().deviceId())) {
            // Swapped between probe and open: refuse rather than record the wrong device.
            probed.close();
            throw new DeviceException("scanner.swapped", port);
        }
        // Captures name the registry's record as it is now (an owner recorded since the probe), not the probe's copy.
        R30xFingerprintScanner scanner = probed.as(now);
        holder[0] = scanner;
        openByPort.put(port, scanner);
        return scanner;
    }

    /**
     * Runs {@code work} while this provider neither probes nor opens a port, so the diagnostics can
     * ask a port directly without the monitor's probe opening it at the same moment.
     */
    public synchronized <T> T exclusively(java.util.concurrent.Callable<T> work) throws Exception {
        return work.call();
    }

    /** The identity key of a module: nothing in the protocol is a serial number. */
    public static String identityKey(String port, R30xSysParams p) {
        return String.format("r30x|%s|addr=%08X|sysid=%04X|lib=%d|sec=%d|pkt=%d|baud=%d",
                port, p.address(), p.systemId(), p.librarySize(), p.securityLevel(), p.packetSize(), p.baud());
    }

    private DeviceRef identify(String port, R30xSysParams params, boolean simulated) {
        String model = simulated ? "R30x EMULATOR (SIMULATED)" : "R30x-compatible (ZFM UART)";
        return context.registry().identify(new DeviceIdentity(kind(), identityKey(port, params), model, "", simulated));
    }

    private static boolean isSimulated(String port, DeviceConfig config) {
        return EmulatedScannerPort.isEmulated(port) || config.simulatedScannerPorts().contains(port);
    }

    /** The ports this provider looks at ({@code auto} = every ttyUSB/ttyACM now present); the diagnostics list them. */
    public static Set<String> ports(DeviceConfig config) {
        Set<String> ports = new LinkedHashSet<>();
        for (String p : config.scannerPorts()) {
            if ("auto".equalsIgnoreCase(p)) {
                for (String name : SerialPortList.getPortNames("/dev/", AUTO_PORTS)) {
                    ports.add(name.startsWith("/") ? name : "/dev/" + name);
                }
            } else {
                ports.add(p);
            }
        }
        return ports;
    }
}
