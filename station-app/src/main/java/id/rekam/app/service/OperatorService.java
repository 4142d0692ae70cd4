package id.rekam.app.service;

import java.util.Optional;

/** Operators of this station. Implemented on top of station-core's operator store. */
public interface OperatorService {

    /** First run: no operator exists yet, so the first supervisor must be created. */
    boolean hasOperators();

    Operator createOperator(String id, String displayName, char[] pin, Operator.Role role);

    /** Empty when the id is unknown or the PIN is wrong (the UI must not tell which). */
    Optional<Operator> login(String id, char[] pin);
}
