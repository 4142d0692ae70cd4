package id.rekam.app.ports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Operators of this station. Implemented on top of station-core's operator store. */
public interface OperatorService {

    /** First run: no operator exists yet, so the first supervisor must be created. */
    boolean hasOperators();

    /** Minimum password length the store accepts. */
    int minPasswordLength();

    /** First run only. */
    Operator createFirstSupervisor(String id, char[] password);

    /**
     * Empty when the id is unknown or the password is wrong (the UI must not tell which).
     *
     * @throws LockedException after too many failures
     */
    Optional<Operator> login(String id, char[] password) throws LockedException;

    /** The station's accounts, for the supervisor's list. */
    List<Account> accounts();

    /**
     * A supervisor adds an account; the store checks that {@code supervisor} is one, that the id
     * is free and the password long enough (its message says which failed).
     */
    Operator createAccount(Operator supervisor, String id, Operator.Role role, char[] password);

    record Account(String id, Operator.Role role, Instant createdAt) {
    }

    final class LockedException extends RuntimeException {
        public LockedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
