package id.rekam.app.adapters.equipment;

import id.rekam.app.ports.CameraService;
import id.rekam.app.ports.FingerprintService;
import id.rekam.core.domain.DeviceRef;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.equipment.Loans;
import id.rekam.core.store.StationStore;

import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Captures name their device as core's register does: its owner and, while it is out on a loan,
 * that loan ({@link Loans#provenance}). Wraps the camera and the scanner the desk uses, so every
 * capture made with borrowed equipment carries the loan in its provenance, whichever screen makes it.
 */
public final class LoanProvenance implements UnaryOperator<DeviceRef> {

    private final Supplier<Optional<StationStore>> store;
    private final DeviceSightings sightings;

    public LoanProvenance(Supplier<Optional<StationStore>> store, DeviceSightings sightings) {
        this.store = store;
        this.sightings = sightings;
    }

    @Override
    public DeviceRef apply(DeviceRef device) {
        Optional<StationStore> s = store.get();
        if (s.isEmpty()) {
            return device;
        }
        sightings.flush();
        return new Loans(s.get()).provenance(device);
    }

    public FingerprintService scanner(FingerprintService desk) {
        return new FingerprintService() {
            @Override
            public DeviceRef device() {
                return apply(desk.device());
            }

            @Override
            public FingerSample capture(FingerPosition position) throws ScanException {
                return desk.capture(position);
            }
        };
    }

    public CameraService camera(CameraService desk) {
        return new CameraService() {
            @Override
            public DeviceRef device() {
                return apply(desk.device());
            }

            @Override
            public void open() {
                desk.open();
            }

            @Override
            public BufferedImage grab() {
                return desk.grab();
            }

            @Override
            public void close() {
                desk.close();
            }
        };
    }
}
