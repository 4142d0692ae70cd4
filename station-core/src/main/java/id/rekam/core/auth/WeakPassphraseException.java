package id.rekam.core.auth;

import id.rekam.core.store.StoreException;

/** A new station passphrase is too easy to guess ({@link PassphrasePolicy}); nothing was changed. */
public class WeakPassphraseException extends StoreException {

    private final PassphrasePolicy.Weakness weakness;
    private final double guessesLog10;

    public WeakPassphraseException(PassphrasePolicy.Weakness weakness, double guessesLog10) {
        super("passphrase.weak", (int) Math.floor(guessesLog10), (int) PassphrasePolicy.MIN_GUESSES_LOG10);
        this.weakness = weakness;
        this.guessesLog10 = guessesLog10;
    }

    /** Why: what the desk words in its own bundles. */
    public PassphrasePolicy.Weakness weakness() {
        return weakness;
    }

    /** zxcvbn's estimate, log10 of the guesses needed (0 when refused before any estimate). */
    public double guessesLog10() {
        return guessesLog10;
    }
}
