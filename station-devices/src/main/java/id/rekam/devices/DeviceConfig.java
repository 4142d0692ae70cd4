package id.rekam.devices;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Device settings as plain key/value pairs, so the app can read them from its
 * configuration file. Keys:
 * <ul>
 *   <li>{@code demo} – demo mode: simulated devices allowed (default false)</li>
 *   <li>{@code devices.simulated} – allow simulated devices outside demo mode (default false)</li>
 *   <li>{@code owner.office} – office owning devices not yet in the registry</li>
 *   <li>{@code camera.driver} – {@code default} (webcam-capture's BridJ driver), {@code simulated},
 *       {@code none}, or a {@code WebcamDriver} class name</li>
 *   <li>{@code camera.fps} – frames per second delivered to listeners (default 15)</li>
 *   <li>{@code scanner.ports} – comma-separated serial port paths, or {@code auto}
 *       (ttyUSB/ttyACM ports the OS lists) (default auto)</li>
 *   <li>{@code scanner.simulated.ports} – ports known to carry an emulator</li>
 *   <li>{@code scanner.baud} – 9600×N, N = 1..12 (default 57600)</li>
 *   <li>{@code scanner.address}, {@code scanner.password} – hex, default FFFFFFFF and 00000000</li>
 *   <li>{@code scanner.timeout.ms} – reply timeout (default 1000)</li>
 *   <li>{@code monitor.interval.ms}, {@code probe.timeout.ms} – hot-plug polling (default 1000, 3000)</li>
 * </ul>
 */
public final class DeviceConfig {

    private final Map<String, String> values;

    private DeviceConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static DeviceConfig of(Map<String, String> values) {
        return new DeviceConfig(values);
    }

    public static DeviceConfig defaults() {
        return new DeviceConfig(Map.of());
    }

    public static DeviceConfig from(Properties properties) {
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return new DeviceConfig(map);
    }

    public DeviceConfig with(String key, String value) {
        Map<String, String> map = new HashMap<>(values);
        map.put(key, value);
        return new DeviceConfig(map);
    }

    public String get(String key, String fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    public boolean demoMode() {
        return Boolean.parseBoolean(get("demo", "false"));
    }

    /** Simulated devices are used only when asked for explicitly or in demo mode. */
    public boolean simulatedAllowed() {
        return demoMode() || Boolean.parseBoolean(get("devices.simulated", "false"))
                || "simulated".equalsIgnoreCase(cameraDriver());
    }

    public String ownerOffice() {
        return get("owner.office", "");
    }

    public String cameraDriver() {
        return get("camera.driver", "default");
    }

    public int cameraFps() {
        return Integer.parseInt(get("camera.fps", "15"));
    }

    public List<String> scannerPorts() {
        return split(get("scanner.ports", "auto"));
    }

    public List<String> simulatedScannerPorts() {
        return split(get("scanner.simulated.ports", ""));
    }

    public int scannerBaud() {
        int baud = Integer.parseInt(get("scanner.baud", "57600"));
        if (baud % 9600 != 0 || baud / 9600 < 1 || baud / 9600 > 12) {
            throw new IllegalArgumentException("scanner.baud must be 9600×N with N = 1..12: " + baud);
        }
        return baud;
    }

    public int scannerAddress() {
        return Integer.parseUnsignedInt(get("scanner.address", "FFFFFFFF"), 16);
    }

    public int scannerPassword() {
        return Integer.parseUnsignedInt(get("scanner.password", "00000000"), 16);
    }

    public Duration scannerTimeout() {
        return Duration.ofMillis(Long.parseLong(get("scanner.timeout.ms", "1000")));
    }

    public Duration monitorInterval() {
        return Duration.ofMillis(Long.parseLong(get("monitor.interval.ms", "1000")));
    }

    public Duration probeTimeout() {
        return Duration.ofMillis(Long.parseLong(get("probe.timeout.ms", "3000")));
    }

    private static List<String> split(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
