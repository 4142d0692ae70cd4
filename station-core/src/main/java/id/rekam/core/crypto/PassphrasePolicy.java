package id.rekam.core.crypto;

import java.util.Optional;

/**
 * Whether a passphrase may protect a station store (it unwraps every key: a guessable one makes
 * the encryption at rest worthless once the disk is copied). Checked wherever a store is created
 * or its passphrase changed; the desk asks first to say what is wrong, the store's creators
 * enforce it.
 *
 * <p>{@link #standard()} is a minimum rule (length, variety). It sits behind this interface so a
 * strength estimator (issue 14, the security work) can replace it in one place without touching
 * the callers.
 */
public interface PassphrasePolicy {

    /** Why a passphrase is refused; the desk words each one ({@code passphrase.weak.<NAME>}). */
    enum Weakness {
        /** Shorter than {@link MinimumPassphrasePolicy#MIN_LENGTH} characters. */
        TOO_SHORT,
        /** Too few different characters ("aaaaaaaaaaaa", "121212121212"). */
        TOO_REPETITIVE,
        /** Easy to guess for another reason (an estimator's verdict). */
        GUESSABLE
    }

    /** Empty when the passphrase may be used. Reads the characters, keeps nothing. */
    Optional<Weakness> weakness(char[] passphrase);

    static PassphrasePolicy standard() {
        return MinimumPassphrasePolicy.INSTANCE;
    }
}
