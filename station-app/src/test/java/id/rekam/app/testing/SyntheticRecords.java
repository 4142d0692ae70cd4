package id.rekam.app.testing;

import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.devices.fingerprint.synth.SyntheticPeople;
import id.rekam.fixtures.EnrollmentBuilder;

import java.util.Map;

/**
 * Records carrying SIMULATED prints that SourceAFIS reads ({@link SyntheticPeople}), for tests of
 * the station's 1:N check; the templates of this JVM's people are extracted once.
 */
public final class SyntheticRecords {

    public static final SyntheticPeople PEOPLE = new SyntheticPeople(2612);
    private static final byte[] IMAGE = new byte[256 * 288 / 2];

    private SyntheticRecords() {
    }

    /** {@code base} with exactly these prints (the other slots become exceptions), recorded by {@code operator}. */
    public static EnrollmentRecord with(EnrollmentRecord base, String operator, Map<FingerPosition, byte[]> prints) {
        return EnrollmentBuilder.from(base).operatorId(operator).onlyPrints(prints, IMAGE, "R30X-4BIT-256x288", 80)
                .build();
    }

    /** All ten fingers of SIMULATED person {@code person} at visit {@code impression}. */
    public static EnrollmentRecord person(EnrollmentRecord base, String operator, long person, int impression) {
        return with(base, operator, PEOPLE.prints(person, impression));
    }
}
