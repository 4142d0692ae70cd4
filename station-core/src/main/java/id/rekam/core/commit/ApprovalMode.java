package id.rekam.core.commit;

/**
 * How a station's supervisors approve records: one by one at the desk (a supervisor who records
 * approves at once), or in a batch at the end of the day (every record waits).
 */
public enum ApprovalMode {
    PER_RECORD,
    END_OF_DAY
}
