package id.rekam.app.ports;

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

    final class LockedException extends RuntimeException {
        public LockedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
