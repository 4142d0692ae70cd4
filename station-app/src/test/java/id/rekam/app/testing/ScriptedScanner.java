package id.rekam.app.testing;

import id.rekam.app.ports.FingerprintService;
import id.rekam.core.domain.DeviceRef;
import id.rekam.core.domain.FingerPosition;
import id.rekam.devices.fingerprint.synth.SyntheticPeople;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * TEST DOUBLE scanner: returns 4-bit R30x-sized images and templates derived from a "person"
 * seed (the same person gives the same templates), with qualities from a script; or, for the
 * duplicate check, real SourceAFIS templates of a SIMULATED person ({@link #syntheticPerson}).
 */
public final class ScriptedScanner implements FingerprintService {

    private final DeviceRef device = new DeviceRef("TEST-R30X", "fingerprint", "scripted test scanner", "S-1", "TEST",
            true);
    private final Deque<Integer> qualities = new ArrayDeque<>();
    private final Deque<id.rekam.app.ports.DeviceFailure> failures = new ArrayDeque<>();
    private volatile long person = 1;
    private volatile SyntheticPeople people;
    private volatile int impression;
    private volatile boolean rotated;

    @Override
    public DeviceRef device() {
        return device;
    }

    public void person(long seed) {
        person = seed;
    }

    /**
     * From now on the fingers of SIMULATED person {@code person} at visit {@code impression} are on
     * the sensor; {@code rotated}: for each position the finger before it (the person presents
     * the fingers one place out of order).
     */
    public void syntheticPerson(SyntheticPeople from, long person, int impression, boolean rotated) {
        this.person = person;
        this.impression = impression;
        this.rotated = rotated;
        this.people = from;
    }

    /**
     * The next capture fails as a real device would, with a driver message in English that names
     * the port: the desk must show its own words for {@code kind}, never this message.
     */
    public synchronized void failNext(id.rekam.app.ports.DeviceFailure kind) {
        failures.add(kind);
    }

    public synchronized void nextQualities(Integer... q) {
        qualities.addAll(java.util.List.of(q));
    }

    @Override
    public FingerSample capture(FingerPosition p) throws ScanException {
        int q;
        synchronized (this) {
            id.rekam.app.ports.DeviceFailure f = failures.poll();
            if (f != null) {
                throw new ScanException(f, "The scanner on /tmp/rekam-demo-data/scanner did not answer within 1,000 ms "
                        + "(id.rekam.devices.scanner.R30xException: " + f + ")", new java.io.IOException("ttyUSB0 gone"));
            }
            q = qualities.isEmpty() ? 80 : qualities.poll();
        }
        byte[] template;
        SyntheticPeople from = people;
        if (from != null) {
            FingerPosition[] all = FingerPosition.values();
            template = from.template(person, rotated ? all[(p.ordinal() + all.length - 1) % all.length] : p, impression);
        } else {
            template = new byte[600];
            new Random(person * 31 + p.isoCode()).nextBytes(template);
        }
        byte[] image = new byte[256 * 288 / 2];
        for (int i = 0; i < image.length; i++) {
            int y = (i * 2) / 256;
            int x = (i * 2) % 256;
            int ridge = (int) (8 + 7 * Math.sin((x + y * 0.4 + person) / 3.0));
            image[i] = (byte) (ridge << 4 | ridge);
        }
        return new FingerSample(image, "R30X-4BIT-256x288", template, q);
    }
}
