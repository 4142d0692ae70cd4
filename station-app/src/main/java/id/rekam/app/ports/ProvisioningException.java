package id.rekam.app.ports;

/** Why provisioning could not go on; {@link #problem()} picks the message shown to the technician. */
public final class ProvisioningException extends Exception {

    public enum Problem {
        BAD_STATION_ID,
        STATION_ID_DIFFERS,
        NOT_A_KECAMATAN,
        BAD_SERVER_URL,
        /** Plain http to another machine: only https with a pinned key leaves the station. */
        HTTP_NOT_ALLOWED,
        BAD_PIN,
        SERVER_UNREACHABLE,
        PIN_MISMATCH,
        CODE_UNKNOWN,
        CODE_USED,
        CODE_EXPIRED,
        STATION_ID_TAKEN,
        REFUSED,
        PENDING_RECORDS,
        BAD_SUPERVISOR,
        /** The failed-unlock policy asked for crypto-erase after fewer than 5 failures. */
        BAD_UNLOCK_POLICY
    }

    private final Problem problem;

    public ProvisioningException(Problem problem, String detail, Throwable cause) {
        super(problem + ": " + detail, cause);
        this.problem = problem;
    }

    public ProvisioningException(Problem problem, String detail) {
        this(problem, detail, null);
    }

    public Problem problem() {
        return problem;
    }
}
