package id.rekam.app.ports;

import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.identification.DuplicatePolicy;

import java.util.List;

/**
 * The station's 1:N fingerprint check against every record it holds, judged by the one
 * duplicate policy ({@link DuplicatePolicy#DEFAULT}). Its index is built (or restored) in the
 * background when the store is unlocked; a check started before it is ready waits for it.
 * Call off the FX thread.
 */
public interface FingerprintIdentification {

    /** How far the index is. */
    IndexStatus status();

    /**
     * Checks a record against every record of this station (not against itself).
     *
     * @param listener told, from background threads, how the index build and the check progress
     *                 and each candidate as soon as it is verified
     * @throws InterruptedException the wait for the index was interrupted
     */
    Result identify(EnrollmentRecord record, Listener listener) throws InterruptedException;

    /** @param ready false while the index is built; {@code done} of {@code total} records indexed so far */
    record IndexStatus(boolean ready, int done, int total) {
    }

    interface Listener {
        /** The check waits for the index: {@code done} of {@code total} records so far. */
        default void indexProgress(int done, int total) {
        }

        /** {@code verified} of the {@code shortlisted} most similar records checked with SourceAFIS. */
        default void checking(int verified, int shortlisted) {
        }

        /** A record the policy does not clear, as soon as it is found. */
        default void candidate(Candidate candidate) {
        }
    }

    /**
     * A stored record the policy did not clear.
     *
     * @param matches the finger pairs that matched (score ≥ the policy's threshold), one to one,
     *                same-position pairs first
     */
    record Candidate(RegistrationId id, DuplicatePolicy.Verdict verdict, int samePositionMatches,
                     List<DuplicatePolicy.FingerScore> matches) {
        public Candidate {
            matches = List.copyOf(matches);
        }
    }

    /** The policy's verdict on the record, its candidates (most severe, then most similar, first). */
    record Result(DuplicatePolicy.Verdict verdict, boolean tooManyExceptions, List<Candidate> candidates) {
        public Result {
            candidates = List.copyOf(candidates);
        }
    }
}
