package id.rekam.core.store;

/**
 * The station's dashboard numbers.
 *
 * @param capturedToday      enrollments captured today (office time zone), as the records list dates them
 * @param waitingForApproval CAPTURED
 * @param waitingForSync     approved but not yet received by the server (APPROVED, QUEUED, UPLOADING,
 *                           and EXPORTED: on a stick, its delivery not yet confirmed)
 * @param needsAttention     parked for a technician
 */
public record Counters(long capturedToday, long waitingForApproval, long waitingForSync, long needsAttention) {
}
