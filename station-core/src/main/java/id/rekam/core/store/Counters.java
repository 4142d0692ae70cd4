package id.rekam.core.store;

/**
 * The station's dashboard numbers.
 *
 * @param capturedToday      enrollments committed today (office time zone)
 * @param waitingForApproval CAPTURED
 * @param waitingForSync     approved but not yet received by the server (APPROVED, QUEUED, UPLOADING,
 *                           and EXPORTED: on a stick, its delivery not yet confirmed)
 * @param needsAttention     parked for a technician
 */
public record Counters(long capturedToday, long waitingForApproval, long waitingForSync, long needsAttention) {
}
