package id.rekam.core.crypto;

import java.util.BitSet;
import java.util.Optional;

/**
 * The minimum rule: at least {@value #MIN_LENGTH} characters, at least {@value #MIN_DISTINCT}
 * different ones. Long enough for a phrase of three short words, which is what a supervisor can
 * remember and type every morning; 600,000 PBKDF2 rounds per guess do the rest.
 */
public final class MinimumPassphrasePolicy implements PassphrasePolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MIN_DISTINCT = 6;

    static final MinimumPassphrasePolicy INSTANCE = new MinimumPassphrasePolicy();

    private MinimumPassphrasePolicy() {
    }

    @Override
    public Optional<Weakness> weakness(char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_LENGTH) {
            return Optional.of(Weakness.TOO_SHORT);
        }
        BitSet seen = new BitSet();
        for (char c : passphrase) {
            seen.set(Character.toLowerCase(c));
        }
        return seen.cardinality() < MIN_DISTINCT ? Optional.of(Weakness.TOO_REPETITIVE) : Optional.empty();
    }
}
