package id.rekam.core.audit;

import java.util.OptionalLong;

/**
 * Outcome of checking the chain. When broken, {@code firstBadSeq} names the first entry that
 * is missing, altered or out of place, and {@code problem} says which.
 */
public record AuditVerification(long entriesChecked, OptionalLong firstBadSeq, String problem) {

    public static AuditVerification ok(long entries) {
        return new AuditVerification(entries, OptionalLong.empty(), null);
    }

    public static AuditVerification broken(long entries, long seq, String problem) {
        return new AuditVerification(entries, OptionalLong.of(seq), problem);
    }

    public boolean ok() {
        return firstBadSeq.isEmpty();
    }

    @Override
    public String toString() {
        return ok() ? "audit chain intact (" + entriesChecked + " entries)"
                : "audit chain broken at entry " + firstBadSeq.getAsLong() + ": " + problem;
    }
}
