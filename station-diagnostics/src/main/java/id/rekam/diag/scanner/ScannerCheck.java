package id.rekam.diag.scanner;

import id.rekam.core.domain.DeviceRef;
import id.rekam.core.domain.FingerprintCapture;
import id.rekam.devices.CaptureTimeoutException;
import id.rekam.devices.DeviceConfig;
import id.rekam.devices.DeviceException;
import id.rekam.devices.DeviceKind;
import id.rekam.devices.DeviceMessages;
import id.rekam.devices.Devices;
import id.rekam.devices.FingerImage;
import id.rekam.devices.FingerprintScanner;
import id.rekam.devices.fingerprint.ExtractedFingerprint;
import id.rekam.devices.fingerprint.FingerprintTemplates;
import id.rekam.devices.fingerprint.GrayImage;
import id.rekam.devices.scanner.R30xException;
import id.rekam.devices.scanner.R30xFingerprintScanner;
import id.rekam.devices.scanner.R30xPorts;
import id.rekam.devices.scanner.R30xScanner;
import id.rekam.devices.scanner.R30xScannerProvider;
import id.rekam.devices.scanner.R30xSysParams;
import id.rekam.devices.scanner.R30xTransport;
import id.rekam.diag.Check;
import id.rekam.diag.DiagnosticsEngine;
import id.rekam.diag.Probe;
import id.rekam.diag.Step;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The fingerprint scanner: the serial driver, the ports found, the handshake (password check),
 * the module's system parameters, which device it is (its register entry: owner, loan), and a
 * test capture with its image and quality. A scanner the station's device monitor has picked up
 * is opened the way the desk opens it, so a swapped scanner shows here exactly as captures will
 * name it; a port where nothing answered is asked directly, to tell "no answer" from "wrong
 * password" from "port in use". Every wait is the scanner's own reply timeout or the capture's.
 */
public final class ScannerCheck implements Check {

    private static final FingerprintTemplates TEMPLATES = new FingerprintTemplates();
    /** Ports asked directly when none answered the monitor: enough for a desk, bounded in time. */
    private static final int MAX_RAW_PORTS = 4;
    /** A whole run stays within 30 s. */
    private static final Duration MAX_BUDGET = Duration.ofSeconds(29);

    private final Supplier<Devices> devices;
    private final Runnable releaseDesk;
    private final UnaryOperator<DeviceRef> provenance;
    private final Duration captureTimeout;

    /**
     * @param devices        the station's device layer (null while it is still starting)
     * @param releaseDesk    closes the desk's own scanner first, so its port is free
     * @param provenance     how captures will name the device (owner and loan from the register)
     * @param captureTimeout how long to wait for a finger; zero skips the test capture
     */
    public ScannerCheck(Supplier<Devices> devices, Runnable releaseDesk, UnaryOperator<DeviceRef> provenance,
                        Duration captureTimeout) {
        this.devices = devices;
        this.releaseDesk = releaseDesk;
        this.provenance = provenance;
        this.captureTimeout = captureTimeout;
    }

    @Override
    public String area() {
        return "scanner";
    }

    @Override
    public Duration budget() {
        // handshake and parameters take a second; a capture waits for the finger, then ~6 s of upload at 57,600 baud
        Duration wanted = Duration.ofSeconds(18).plus(captureTimeout);
        return wanted.compareTo(MAX_BUDGET) > 0 ? MAX_BUDGET : wanted;
    }

    @Override
    public void run(Probe probe) {
        if (!driver(probe)) {
            return;
        }
        Devices d = devices.get();
        Step ports = probe.step("ports");
        if (d == null) {
            ports.warn("scanner.ports.starting", "scanner.ports.starting.next");
            return;
        }
        DeviceConfig config = d.context().config();
        List<String> candidates = List.copyOf(R30xScannerProvider.ports(config));
        List<String> present = candidates.stream().filter(R30xPorts::present).toList();
        ports.fact("configured", String.join(",", config.scannerPorts())).fact("present", String.join(",", present));
        if (present.isEmpty()) {
            ports.fail("scanner.ports.none", "scanner.ports.none.next", String.join(", ", config.scannerPorts()));
            return;
        }
        ports.ok("scanner.ports.ok", String.join(", ", present));
        releaseDesk.run();
        d.monitor().pollOnce();
        if (d.monitor().attached(DeviceKind.FINGERPRINT_SCANNER).isEmpty()) {
            Optional<R30xScannerProvider> provider = d.providers().stream()
                    .filter(R30xScannerProvider.class::isInstance).map(R30xScannerProvider.class::cast).findFirst();
            Map<String, R30xSysParams> answering = new LinkedHashMap<>();
            for (String port : present.subList(0, Math.min(MAX_RAW_PORTS, present.size()))) {
                Step s = probe.step("handshake").fact("port", port);
                Runnable ask = () -> raw(s, probe, port, config).ifPresent(p -> answering.put(port, p));
                if (provider.isPresent()) {
                    exclusively(provider.get(), ask);
                } else {
                    ask.run();
                }
            }
            if (answering.isEmpty()) {
                return;
            }
            // A scanner that answers us but was not picked up yet (its line was still settling after a
            // fault, or it was plugged in a moment ago): one more look by the station itself.
            d.monitor().pollOnce();
            if (d.monitor().attached(DeviceKind.FINGERPRINT_SCANNER).isEmpty()) {
                answering.forEach((port, p) -> {
                    probe.step("handshake").fact("port", port)
                            .warn("scanner.handshake.notPickedUp", "scanner.handshake.notPickedUp.next", port);
                    params(probe, p, config);
                });
                return;
            }
        }
        attached(probe, d, config);
    }

    private boolean driver(Probe probe) {
        Step s = probe.step("driver");
        try {
            SerialDriver.Facts f = SerialDriver.load();
            s.fact("jssc", f.jssc()).fact("reads", f.reads()).ok("scanner.driver.ok", f.jssc());
            return true;
        } catch (LinkageError | RuntimeException e) {
            s.fail("scanner.driver.failed", "scanner.driver.failed.next", DiagnosticsEngine.describe(e));
            return false;
        }
    }

    /** The scanner the station uses, opened as the desk opens it. */
    private void attached(Probe probe, Devices d, DeviceConfig config) {
        Step handshake = probe.step("handshake");
        long t0 = System.nanoTime();
        FingerprintScanner scanner;
        try {
            Optional<FingerprintScanner> opened;
            try {
                opened = d.openScanner();
            } catch (R30xException.Timeout first) {
                // The monitor heard it a moment ago: a late answer (a busy machine, a line still
                // settling) earns one more try before the technician is sent to the cable.
                handshake.fact("retried", true);
                opened = d.openScanner();
            }
            if (opened.isEmpty()) {
                handshake.fail("scanner.handshake.gone", "scanner.ports.none.next");
                return;
            }
            scanner = opened.get();
        } catch (DeviceException e) {
            handshake.fail("scanner.handshake.failed", "scanner.handshake.failed.next", e.message(probe.texts().locale()));
            return;
        }
        try (scanner) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            handshake.fact("millis", ms).ok("scanner.handshake.ok", ms);
            if (scanner instanceof R30xFingerprintScanner r30x) {
                params(probe, r30x.sysParams(), config);
            }
            DeviceRef ref = provenance.apply(scanner.ref());
            device(probe, ref);
            capture(probe, scanner);
        }
    }

    private void params(Probe probe, R30xSysParams p, DeviceConfig config) {
        Step s = probe.step("params").fact("systemId", String.format("%04X", p.systemId()))
                .fact("librarySize", p.librarySize()).fact("securityLevel", p.securityLevel())
                .fact("packetSize", p.packetSize()).fact("baud", p.baud()).fact("address", String.format("%08X", p.address()));
        if (p.baud() != config.scannerBaud()) {
            s.warn("scanner.params.baud", "scanner.params.baud.next", p.baud(), config.scannerBaud());
        } else {
            s.ok("scanner.params.ok", p.packetSize(), p.baud(), p.securityLevel(), p.librarySize());
        }
    }

    private void device(Probe probe, DeviceRef ref) {
        Step s = probe.step("device").fact("deviceId", ref.deviceId()).fact("model", ref.model())
                .fact("serial", ref.serial()).fact("ownerOffice", ref.ownerOffice()).fact("simulated", ref.simulated());
        if (!ref.loanId().isEmpty()) {
            s.fact("loanId", ref.loanId()).ok("scanner.device.onLoan", ref.deviceId(), ref.model(), ref.ownerOffice(),
                    ref.loanId());
        } else {
            s.ok("scanner.device.ok", ref.deviceId(), ref.model(), ref.ownerOffice());
        }
    }

    private void capture(Probe probe, FingerprintScanner scanner) {
        Step s = probe.step("capture");
        if (captureTimeout.isZero()) {
            s.warn("scanner.capture.skipped", "scanner.capture.skipped.next");
            return;
        }
        probe.prompt("scanner.capture.prompt", captureTimeout.toSeconds());
        FingerImage image;
        try {
            image = scanner.captureFinger(captureTimeout);
        } catch (CaptureTimeoutException e) {
            s.warn("scanner.capture.noFinger", "scanner.capture.noFinger.next", captureTimeout.toSeconds());
            return;
        } catch (DeviceException e) {
            s.fail("scanner.capture.failed", "scanner.handshake.failed.next", e.message(probe.texts().locale()));
            return;
        }
        ExtractedFingerprint f = TEMPLATES.extractWithQuality(new GrayImage(image.width(), image.height(),
                image.pixels(), image.dpi()));
        int quality = f.quality().score();
        probe.image(s.id(), gray(image));
        s.fact("width", image.width()).fact("height", image.height()).fact("dpi", image.dpi())
                .fact("quality", quality).fact("deviceId", image.device().deviceId());
        if (quality >= FingerprintCapture.ACCEPTED_QUALITY) {
            s.ok("scanner.capture.ok", quality, image.width(), image.height());
        } else {
            s.warn("scanner.capture.weak", "scanner.capture.weak.next", quality, FingerprintCapture.ACCEPTED_QUALITY);
        }
    }

    private static void exclusively(R30xScannerProvider provider, Runnable work) {
        try {
            provider.exclusively(() -> {
                work.run();
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port where no scanner answered the station: asked directly, to say why (a failure is reported here). */
    private static Optional<R30xSysParams> raw(Step s, Probe probe, String port, DeviceConfig config) {
        try (R30xTransport t = R30xPorts.open(port, config.scannerBaud())) {
            R30xScanner scanner = new R30xScanner(t, config.scannerAddress(), config.scannerTimeout());
            scanner.verifyPassword(config.scannerPassword());
            return Optional.of(scanner.readSysParams());
        } catch (R30xException.Timeout e) {
            s.fail("scanner.handshake.silent", "scanner.handshake.silent.next", port, config.scannerTimeout().toMillis(),
                    config.scannerBaud());
        } catch (R30xException.Command e) {
            s.fact("code", e.code()).fail("scanner.handshake.refused", "scanner.handshake.refused.next", port,
                    DeviceMessages.format(probe.texts().locale(), e.key(), e.args()));
        } catch (DeviceException e) {
            s.fail("scanner.handshake.open", "scanner.handshake.open.next", port, e.message(probe.texts().locale()));
        }
        return Optional.empty();
    }

    static BufferedImage gray(FingerImage f) {
        BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, f.width(), f.height(), f.pixels());
        return img;
    }

}
