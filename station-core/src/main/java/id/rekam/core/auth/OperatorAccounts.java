package id.rekam.core.auth;

import java.time.Duration;
import java.util.List;

/**
 * Offline accounts. Five wrong passwords in a row lock an account for fifteen minutes; logins
 * and failures are audited.
 */
public interface OperatorAccounts {

    int MAX_FAILED_ATTEMPTS = 5;
    Duration LOCKOUT = Duration.ofMinutes(15);
    int MIN_PASSWORD_LENGTH = 8;

    boolean supervisorExists();

    /** First run only: creates a supervisor when none exists, otherwise throws {@link AuthException}. */
    Operator createFirstSupervisor(String username, char[] password);

    /** A supervisor creates any account. */
    Operator createAccount(String supervisor, String username, Role role, char[] password);

    /**
     * @throws BadCredentialsException unknown user or wrong password
     * @throws AccountLockedException  locked after too many failures (even with the right password)
     */
    Operator login(String username, char[] password);

    List<Operator> list();
}
