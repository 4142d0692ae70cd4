package id.rekam.core.auth;

import id.rekam.core.store.StoreException;

/** A new station passphrase is too easy to guess ({@link PassphrasePolicy}); nothing was changed. */
public class WeakPassphraseException extends StoreException {

    private final double guessesLog10;

    public WeakPassphraseException(double guessesLog10) {
        super("passphrase.weak", (int) Math.floor(guessesLog10), (int) PassphrasePolicy.MIN_GUESSES_LOG10);
        this.guessesLog10 = guessesLog10;
    }

    /** zxcvbn's estimate, log10 of the guesses needed. */
    public double guessesLog10() {
        return guessesLog10;
    }
}
