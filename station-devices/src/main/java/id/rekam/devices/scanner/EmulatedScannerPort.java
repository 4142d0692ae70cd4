package id.rekam.devices.scanner;

import id.rekam.devices.DeviceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a SIMULATED scanner for demo mode and tests: a pseudo-terminal pair made in this
 * process ({@link PseudoTerminal}, libc {@code openpty} through JNA), with the
 * {@link R30xEmulator} on its master end and a symbolic link to its slave handed to the
 * station as the scanner port, so the real serial driver (jssc) is exercised byte for byte.
 * Where no pseudo-terminal can be made (Windows), it falls back, with a warning, to an
 * in-memory line named {@code mem:…}.
 *
 * <p>{@link #unplug()} and {@link #replug(R30xEmulatorSettings)} imitate pulling the cable and
 * plugging a (possibly different) scanner back in at the same path; {@link #yankCable()} pulls
 * it without the emulator's cooperation.
 */
public final class EmulatedScannerPort implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatedScannerPort.class);
    private static final Set<String> EMULATED = ConcurrentHashMap.newKeySet();

    private final String hostPath;
    private final FingerImageSource images;
    private final boolean pty;
    private R30xEmulatorSettings settings;
    private final AtomicReference<PseudoTerminal> line = new AtomicReference<>();
    private volatile R30xEmulator emulator;
    private volatile boolean fingerPlaced;
    private volatile Duration autoPlace;

    private EmulatedScannerPort(String hostPath, boolean pty, R30xEmulatorSettings settings, FingerImageSource images) {
        this.hostPath = hostPath;
        this.pty = pty;
        this.settings = settings;
        this.images = images;
    }

    /** Starts an emulator behind a pseudo-terminal linked at {@code dir/scanner}, or in memory where there is none. */
    public static EmulatedScannerPort start(Path dir, R30xEmulatorSettings settings, FingerImageSource images) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(images, "images");
        Optional<String> noPty = pseudoTerminalUnavailable();
        if (noPty.isPresent()) {
            LOG.warn("no pseudo-terminal ({}): the SIMULATED scanner runs on an in-memory line instead", noPty.get());
            return startInMemory("rekam-scanner-" + Integer.toHexString(System.identityHashCode(dir)), settings, images);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmulatedScannerPort port = new EmulatedScannerPort(dir.resolve("scanner").toString(), true, settings, images);
        port.plugIn();
        return port;
    }

    /** An emulator on an in-memory line; the station opens it as {@code mem:<name>}. */
    public static EmulatedScannerPort startInMemory(String name, R30xEmulatorSettings settings, FingerImageSource images) {
        EmulatedScannerPort port = new EmulatedScannerPort(R30xPorts.MEMORY_PREFIX + name, false, settings, images);
        port.plugIn();
        return port;
    }

    /** Whether a port path belongs to a running emulator (so captures through it are SIMULATED). */
    public static boolean isEmulated(String port) {
        return EMULATED.contains(port);
    }

    /** Why this machine cannot put the emulator behind a pseudo-terminal; empty when it can. */
    public static Optional<String> pseudoTerminalUnavailable() {
        return PseudoTerminal.unavailableReason();
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
            cutLine();
        } else {
            R30xPorts.unregisterMemory(hostPath);
        }
    }

    /**
     * Yanks the cable mid-session without warning the emulator: the port's device node vanishes
     * and the line dies under whoever is reading or writing it, as when a USB adapter is pulled.
     * The emulator finds out on its next read. {@link #replug} plugs a scanner in again.
     */
    public void yankCable() {
        if (!pty) {
            throw new IllegalStateException("an in-memory line has no cable to yank; use unplug()");
        }
        cutLine();
    }

    /** Plugs a scanner with the given settings back in at the same path. */
    public synchronized void replug(R30xEmulatorSettings newSettings) {
        unplug();
        settings = Objects.requireNonNull(newSettings, "newSettings");
        plugIn();
    }

    private synchronized void plugIn() {
        if (pty) {
            try {
                PseudoTerminal pair = PseudoTerminal.open();
                line.set(pair);
                Path link = Path.of(hostPath);
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, Path.of(pair.slavePath()));
            } catch (IOException e) {
                cutLine();
                throw new IllegalStateException("emulator could not make its pseudo-terminal: " + e.getMessage(), e);
            }
            attach(line.get().master(hostPath + " (device side)"));
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
        LOG.info("SIMULATED R30x scanner plugged in at {}", pty ? hostPath + " -> " + line.get().slavePath() : hostPath);
    }

    private void attach(R30xTransport deviceSide) {
        R30xEmulator e = new R30xEmulator(deviceSide, settings, images);
        if (fingerPlaced) {
            e.placeFinger();
        }
        e.autoPlaceFingerAfter(autoPlace);
        if (pty) {
            // The fault "unplug mid-upload" cuts the line at once, from the emulator's own thread.
            e.onUnplug(this::yankCable);
        }
        emulator = e.start();
    }

    /** The device node goes first, then the line: nobody opens a dying or reused pseudo-terminal by its link. */
    private void cutLine() {
        try {
            Files.deleteIfExists(Path.of(hostPath));
        } catch (IOException e) {
            LOG.debug("could not remove the port link {}: {}", hostPath, e.getMessage());
        }
        PseudoTerminal l = line.getAndSet(null);
        if (l != null) {
            l.close();
        }
    }

    @Override
    public void close() {
        unplug();
    }
}
