package id.rekam.devices.fingerprint.synth;

import id.rekam.devices.fingerprint.GrayImage;
import id.rekam.devices.scanner.FingerImageSource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The R30x emulator's "finger on the sensor" as a SYNTHETIC fingerprint (demo mode, tests). Once
 * told who is at the desk ({@link #present}), each placement is a new impression of that person's
 * finger: the same master print, shifted, rotated and pressed differently, so it matches the
 * person's earlier scans and nobody else's. Untold, every placement is a new finger, so
 * recordings of different people do not match each other.
 */
public final class SyntheticFingerSource implements FingerImageSource, SimulatedSubject {

    private final SyntheticFingerprints prints;
    private final Map<Long, Integer> impressions = new HashMap<>();
    private Long presented;
    private long version;

    public SyntheticFingerSource(long seed) {
        this.prints = new SyntheticFingerprints(seed);
    }

    @Override
    public synchronized void present(String person, int finger) {
        Long next = masterOf(person, finger);
        if (!next.equals(presented)) {
            presented = next;
            version++;
        }
    }

    @Override
    public synchronized long version() {
        return version;
    }

    @Override
    public byte[] image(int placement) {
        long master;
        int impression;
        synchronized (this) {
            if (presented == null) {
                master = placement;
                impression = 0;
            } else {
                master = presented;
                impression = impressions.merge(master, 1, Integer::sum) - 1;
            }
        }
        GrayImage img = prints.impression(prints.master(master), impression, WIDTH, HEIGHT);
        return img.pixels();
    }

    /**
     * A master number of its own per person and finger, far from the small numbers untold
     * placements use (FNV-1a over the person's key, times ten fingers).
     */
    static long masterOf(String person, int finger) {
        long h = 0xcbf29ce484222325L;
        for (byte b : person.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return (h >>> 6) * 10 + Math.floorMod(finger - 1, 10) + 1_000_000;
    }
}
