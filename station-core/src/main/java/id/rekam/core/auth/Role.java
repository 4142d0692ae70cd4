package id.rekam.core.auth;

/** What an account may do: record, approve and manage accounts, or maintain the station. */
public enum Role {
    OPERATOR,
    SUPERVISOR,
    TECHNICIAN
}
