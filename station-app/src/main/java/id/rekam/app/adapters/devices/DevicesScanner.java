package id.rekam.app.adapters.devices;

import id.rekam.app.ports.DeviceFailure;
import id.rekam.app.ports.FingerprintService;
import id.rekam.devices.fingerprint.synth.SimulatedSubject;
import id.rekam.core.domain.DeviceRef;
import id.rekam.core.domain.FingerPosition;
import id.rekam.devices.DeviceException;
import id.rekam.devices.Devices;
import id.rekam.devices.FingerImage;
import id.rekam.devices.FingerprintScanner;
import id.rekam.devices.fingerprint.ExtractedFingerprint;
import id.rekam.devices.fingerprint.FingerprintTemplates;
import id.rekam.devices.fingerprint.GrayImage;

import java.util.function.Supplier;
import java.time.Duration;
import java.util.Optional;

/**
 * The station's fingerprint scanner through station-devices (R30x over serial, or the SIMULATED
 * emulator in demo mode): image from the device; template and quality from station-devices'
 * SourceAFIS wrapper ({@link FingerprintTemplates}).
 */
public final class DevicesScanner implements FingerprintService {

    static final Duration FINGER_TIMEOUT = Duration.ofSeconds(15);
    /** Raw 8-bit images are stored as such; the format names their size. */
    static final String FORMAT = "GRAY8-%dx%d-%ddpi";

    private static final FingerprintTemplates TEMPLATES = new FingerprintTemplates();

    private final Supplier<Devices> devices;
    /** Demo mode's simulated finger, told whose finger to place; null on a real station. */
    private final SimulatedSubject simulated;
    private volatile String person;
    private FingerprintScanner open;

    /** @param devices the device layer; may still be starting (then this device reads as absent) */
    public DevicesScanner(Supplier<Devices> devices) {
        this(devices, null);
    }

    /** @param simulated the SIMULATED scanner's finger source (demo mode), or null */
    public DevicesScanner(Supplier<Devices> devices, SimulatedSubject simulated) {
        this.devices = devices;
        this.simulated = simulated;
    }

    @Override
    public void personAtDesk(String nik) {
        person = nik;
    }

    public DevicesScanner(Devices devices) {
        this(() -> devices);
    }

    @Override
    public synchronized DeviceRef device() {
        if (open != null && open.isOpen()) {
            return open.ref();
        }
        Devices d = devices.get();
        return (d == null ? java.util.List.<id.rekam.devices.DeviceMonitor.Attached>of()
                : d.monitor().attached(id.rekam.devices.DeviceKind.FINGERPRINT_SCANNER)).stream()
                .map(a -> a.device().ref()).findFirst()
                .orElse(new DeviceRef("NONE-SCANNER", "fingerprint", "-", "", "", false));
    }

    private synchronized FingerprintScanner scanner() throws ScanException {
        if (open == null || !open.isOpen()) {
            try {
                Devices d = devices.get();
                Optional<FingerprintScanner> s = d == null ? Optional.empty() : d.openScanner();
                open = s.orElseThrow(() -> new ScanException(DeviceFailure.NO_DEVICE,
                        "no fingerprint scanner is connected", null));
            } catch (DeviceException e) {
                throw new ScanException(Failures.of(e), e.getMessage(), e);
            }
        }
        return open;
    }

    @Override
    public FingerSample capture(FingerPosition position) throws ScanException {
        FingerImage img;
        String who = person;
        if (simulated != null && who != null) {
            simulated.present(who, position.isoCode());
        }
        try {
            img = scanner().captureFinger(FINGER_TIMEOUT);
        } catch (DeviceException e) {
            throw new ScanException(Failures.of(e), e.getMessage(), e);
        }
        ExtractedFingerprint f = TEMPLATES.extractWithQuality(new GrayImage(img.width(), img.height(), img.pixels(),
                img.dpi()));
        return new FingerSample(img.pixels(), FORMAT.formatted(img.width(), img.height(), img.dpi()), f.serialized(),
                f.quality().score());
    }

    public synchronized void close() {
        if (open != null) {
            open.close();
        }
    }
}
