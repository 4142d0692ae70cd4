package id.rekam.server;

import com.machinezoo.sourceafis.FingerprintImage;
import com.machinezoo.sourceafis.FingerprintImageOptions;
import com.machinezoo.sourceafis.FingerprintTemplate;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.devices.fingerprint.synth.SyntheticPeople;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Enrollment records for the tests. DemoRecords' templates are random bytes; records that
 * must take part in fingerprint dedup get real SourceAFIS templates extracted from the three
 * SourceAFIS test prints (Apache-2.0, see resources/fingerprints/SOURCE.md) and exceptions
 * in the other slots, or ten SIMULATED fingers of a {@link SyntheticPeople} person.
 */
final class Records {

    static final String VILLAGE = "32.76.01.1001";
    private static byte[] probe;
    private static byte[] matching;
    private static byte[] nonmatching;

    private Records() {
    }

    static synchronized byte[] probe() {
        if (probe == null) {
            probe = extract("probe.png");
        }
        return probe;
    }

    static synchronized byte[] matching() {
        if (matching == null) {
            matching = extract("matching.png");
        }
        return matching;
    }

    static synchronized byte[] nonmatching() {
        if (nonmatching == null) {
            nonmatching = extract("nonmatching.png");
        }
        return nonmatching;
    }

    private static byte[] extract(String name) {
        try (InputStream in = Records.class.getResourceAsStream("/fingerprints/" + name)) {
            return new FingerprintTemplate(new FingerprintImage(in.readAllBytes(),
                    new FingerprintImageOptions().dpi(500))).toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DemoRecords citizen (random-byte templates). */
    static EnrollmentRecord demo(long seed, String stationId) {
        return new DemoRecords(seed, VILLAGE, stationId).next();
    }

    /** Another recording (new id, other captures) of the person in {@code person}. */
    static EnrollmentRecord samePersonAs(EnrollmentRecord person, EnrollmentRecord other) {
        return EnrollmentBuilder.from(other).demographics(person.demographics()).build();
    }

    /** A DemoRecords citizen whose only prints are the given real templates. */
    static EnrollmentRecord withPrints(long seed, String stationId, Map<FingerPosition, byte[]> prints) {
        return EnrollmentBuilder.from(demo(seed, stationId)).onlyPrints(prints, null, "PNG-500DPI", 80).build();
    }

    /** SIMULATED people shared by the tests of this JVM (templates are extracted once, ≈50 ms each). */
    static final SyntheticPeople PEOPLE = new SyntheticPeople(1212);

    /** A DemoRecords citizen carrying all ten fingers of SIMULATED person {@code person}, visit {@code impression}. */
    static EnrollmentRecord person(long seed, String stationId, long person, int impression) {
        return withPrints(seed, stationId, PEOPLE.prints(person, impression));
    }
}
