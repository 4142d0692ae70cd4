package id.rekam.devices.scanner;

import id.rekam.devices.DeviceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs a SIMULATED scanner for demo mode and tests: a linked pseudo-terminal pair made by
 * {@code socat}, with the {@link R30xEmulator} on one end (through jssc) and the other end's
 * path handed to the station as its scanner port, so the real serial driver is exercised.
 * Without socat it falls back, with a warning, to an in-memory line named {@code mem:…}.
 *
 * <p>{@link #unplug()} and {@link #replug(R30xEmulatorSettings)} imitate pulling the cable and
 * plugging a (possibly different) scanner back in at the same path.
 */
public final class EmulatedScannerPort implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatedScannerPort.class);
    private static final Set<String> EMULATED = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final String hostPath;
    private final Path devicePath;
    private final FingerImageSource images;
    private final boolean pty;
    private R30xEmulatorSettings settings;
    private Process socat;
    private volatile R30xEmulator emulator;
    private volatile boolean fingerPlaced;
    private volatile Duration autoPlace;

    private EmulatedScannerPort(Path dir, String hostPath, boolean pty, R30xEmulatorSettings settings, FingerImageSource images) {
        this.dir = dir;
        this.hostPath = hostPath;
        this.devicePath = dir == null ? null : dir.resolve("device");
        this.pty = pty;
        this.settings = settings;
        this.images = images;
    }

    /** Starts an emulator behind a socat PTY pair in {@code dir}, or in memory if socat is absent. */
    public static EmulatedScannerPort start(Path dir, R30xEmulatorSettings settings, FingerImageSource images) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(images, "images");
        if (!socatAvailable()) {
            LOG.warn("socat not found: the SIMULATED scanner runs on an in-memory line instead of a pseudo-terminal");
            return startInMemory("rekam-scanner-" + Integer.toHexString(System.identityHashCode(dir)), settings, images);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmulatedScannerPort port = new EmulatedScannerPort(dir, dir.resolve("scanner").toString(), true, settings, images);
        port.plugIn();
        return port;
    }

    /** An emulator on an in-memory line; the station opens it as {@code mem:<name>}. */
    public static EmulatedScannerPort startInMemory(String name, R30xEmulatorSettings settings, FingerImageSource images) {
        EmulatedScannerPort port = new EmulatedScannerPort(null, R30xPorts.MEMORY_PREFIX + name, false, settings, images);
        port.plugIn();
        return port;
    }

    /** Whether a port path belongs to a running emulator (so captures through it are SIMULATED). */
    public static boolean isEmulated(String port) {
        return EMULATED.contains(port);
    }

    public static boolean socatAvailable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /** The path the station opens as its scanner port. */
    public String hostPath() {
        return hostPath;
    }

    public boolean usesPseudoTerminal() {
        return pty;
    }

    /** The emulator currently plugged in (a new one after each replug). */
    public R30xEmulator emulator() {
        return emulator;
    }

    public synchronized R30xEmulatorSettings settings() {
        return settings;
    }

    public void placeFinger() {
        fingerPlaced = true;
        R30xEmulator e = emulator;
        if (e != null) {
            e.placeFinger();
        }
    }

    public void liftFinger() {
        fingerPlaced = false;
        R30xEmulator e = emulator;
        if (e != null) {
            e.liftFinger();
        }
    }

    /** A finger touches the sensor for one image. */
    public void placeFingerOnce() {
        R30xEmulator e = emulator;
        if (e != null) {
            e.placeFingerOnce();
        }
    }

    /** Demo mode: a finger appears by itself after the station has waited this long (null: never). */
    public void autoPlaceFingerAfter(Duration delay) {
        autoPlace = delay;
        R30xEmulator e = emulator;
        if (e != null) {
            e.autoPlaceFingerAfter(delay);
        }
    }

    /**
     * The station configuration with this port added to the scanner ports and marked as
     * simulated, for demo mode: {@code Devices.load(port.addTo(config), registry)}.
     */
    public DeviceConfig addTo(DeviceConfig config) {
        List<String> ports = new ArrayList<>(config.scannerPorts());
        ports.remove("auto");
        ports.add(hostPath);
        List<String> simulated = new ArrayList<>(config.simulatedScannerPorts());
        simulated.add(hostPath);
        return config.with("scanner.ports", String.join(",", ports))
                .with("scanner.simulated.ports", String.join(",", simulated));
    }

    /** Pulls the cable: the emulator stops and the port path disappears. */
    public synchronized void unplug() {
        EMULATED.remove(hostPath);
        R30xEmulator e = emulator;
        emulator = null;
        if (e != null) {
            e.close();
        }
        if (pty) {
            killSocat();
        } else {
            R30xPorts.unregisterMemory(hostPath);
        }
    }

    /** Plugs a scanner with the given settings back in at the same path. */
    public synchronized void replug(R30xEmulatorSettings newSettings) {
        unplug();
        settings = Objects.requireNonNull(newSettings, "newSettings");
        plugIn();
    }

    private synchronized void plugIn() {
        if (pty) {
            startSocat();
            try {
                attach(JsscTransport.open(devicePath.toString(), settings.baudMultiplier() * 9600));
            } catch (R30xException e) {
                killSocat();
                throw new IllegalStateException("emulator could not open its pseudo-terminal: " + e.getMessage(), e);
            }
        } else {
            // Each connection gets a fresh line with a fresh emulator, as reopening a port resets nothing on a real module.
            R30xPorts.registerMemory(hostPath, () -> {
                PipeTransport[] pair = PipeTransport.pair(hostPath);
                synchronized (this) {
                    R30xEmulator old = emulator;
                    if (old != null) {
                        old.close();
                    }
                    attach(pair[1]);
                }
                return pair[0];
            });
        }
        EMULATED.add(hostPath);
        LOG.info("SIMULATED R30x scanner plugged in at {}", hostPath);
    }

    private void attach(R30xTransport deviceSide) {
        R30xEmulator e = new R30xEmulator(deviceSide, settings, images);
        if (fingerPlaced) {
            e.placeFinger();
        }
        e.autoPlaceFingerAfter(autoPlace);
        if (pty) {
            e.onUnplug(this::unplugAsync);
        }
        emulator = e.start();
    }

    private void unplugAsync() {
        Thread t = new Thread(this::unplug, "rekam-emulator-unplug");
        t.setDaemon(true);
        t.start();
    }

    private void startSocat() {
        Path host = Path.of(hostPath);
        try {
            Files.deleteIfExists(host);
            Files.deleteIfExists(devicePath);
            ProcessBuilder pb = new ProcessBuilder("socat", "-d", "-d",
                    "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + devicePath)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("socat.log").toFile());
            socat = pb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!(Files.exists(host) && Files.exists(devicePath))) {
                if (!socat.isAlive() || System.nanoTime() > deadline) {
                    killSocat();
                    throw new IllegalStateException("socat did not create " + host + "; see " + dir.resolve("socat.log"));
                }
                Thread.sleep(10);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killSocat();
            throw new IllegalStateException("interrupted while starting socat", e);
        }
    }

    private void killSocat() {
        Process p = socat;
        socat = null;
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(Path.of(hostPath));
            Files.deleteIfExists(devicePath);
        } catch (IOException e) {
            LOG.debug("could not remove PTY links: {}", e.getMessage());
        }
    }

    /** The socat process, so tests can kill it from outside like a yanked cable. */
    public synchronized java.util.Optional<ProcessHandle> socatProcess() {
        return socat == null ? java.util.Optional.empty() : java.util.Optional.of(socat.toHandle());
    }

    @Override
    public void close() {
        unplug();
    }
}
