package id.rekam.identification;

import id.rekam.core.identification.DuplicatePolicy;

import java.util.List;

/**
 * The outcome of one check.
 *
 * @param verdict            the policy's verdict on the whole record
 * @param tooManyExceptions  the record has more exceptions than the policy allows (review whatever the prints say)
 * @param candidates         stored people the policy did not clear, most severe then best first
 * @param shortlisted        people the index short-listed and SourceAFIS verified
 * @param retrievalNanos     time to rank the whole gallery
 * @param verificationNanos  time to verify the short list (templates read through the {@link TemplateSource})
 */
public record Identification(DuplicatePolicy.Verdict verdict, boolean tooManyExceptions, List<Candidate> candidates,
                             int shortlisted, long retrievalNanos, long verificationNanos) {

    public Identification {
        candidates = List.copyOf(candidates);
    }

    /**
     * One stored person with what the policy made of them.
     *
     * @param rank  position in the index's ranking (0 = most similar)
     * @param votes the index's similarity (shared triangles over the probe's fingers)
     */
    public record Candidate(String personId, int rank, int votes, DuplicatePolicy.CandidateVerdict assessment) {

        public DuplicatePolicy.Verdict verdict() {
            return assessment.verdict();
        }
    }
}
