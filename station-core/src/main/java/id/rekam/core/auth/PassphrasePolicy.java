package id.rekam.core.auth;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How strong the station passphrase must be. It is the only thing between a stolen disk and every
 * record on it: a thief copies {@code station.db} and guesses offline, where no lockout applies
 * and each guess costs one PBKDF2-HMAC-SHA256 at 600,000 iterations (about 1.5·10⁴ guesses a
 * second on one current GPU). A passphrase must therefore need at least 10¹² guesses by zxcvbn's
 * estimate (zxcvbn4j, Dropbox's model: dictionaries, keyboard patterns, dates, repeats, l33t),
 * i.e. about two years of one GPU on average, rather than a length-and-character-classes rule
 * that "Rekam2026!" passes. Words of the station's own context (rekam, KTP, the station id, the
 * office) count as dictionary words.
 *
 * <p>The one rule for the station passphrase. Enforced where a passphrase is set: creating a store
 * and changing its passphrase ({@code StationStore}, whoever calls it); the desk asks
 * {@link #weakness} with the same station words before it tries, so it never accepts what the
 * store then refuses, and words the reason from its own bundles. Opening an existing store never
 * checks (it must keep working).
 */
public final class PassphrasePolicy {

    /** Why a passphrase is refused; the desk words each one ({@code passphrase.weak.<NAME>}). */
    public enum Weakness {
        /** Shorter than {@link #MIN_LENGTH} characters. */
        TOO_SHORT,
        /** Fewer than {@link #MIN_DISTINCT} different characters ("aaaaaaaaaaaa", "121212121212"). */
        TOO_REPETITIVE,
        /** Long and varied enough, but zxcvbn estimates fewer than 10¹² guesses. */
        GUESSABLE
    }

    /** log10 of the guesses a passphrase must need. */
    public static final double MIN_GUESSES_LOG10 = 12.0;
    /** Reasons that can be said before any estimate: too short or too repetitive to be worth one. */
    public static final int MIN_LENGTH = 12;
    public static final int MIN_DISTINCT = 6;

    /** Words anyone guessing a station's passphrase tries first (English dictionaries do not know them). */
    private static final List<String> CONTEXT = List.of("rekam", "ktp", "ktp-el", "e-ktp", "stasiun", "station",
            "kecamatan", "kelurahan", "desa", "kabupaten", "kota", "dukcapil", "disdukcapil", "kemendagri", "sandi",
            "frasa", "kata", "rahasia", "indonesia", "jakarta", "perekaman", "kantor", "admin", "supervisor",
            "operator", "teknisi");

    private static final Zxcvbn ESTIMATOR = new Zxcvbn();

    private PassphrasePolicy() {
    }

    /** The estimate for {@code passphrase} given the station's own words (e.g. its id, its office). */
    public static double guessesLog10(char[] passphrase, List<String> stationWords) {
        List<String> words = new ArrayList<>(CONTEXT);
        for (String w : stationWords) {
            if (w != null && !w.isBlank()) {
                words.add(w.toLowerCase(Locale.ROOT));
                words.addAll(List.of(w.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
            }
        }
        // A CharBuffer over a copy, no String: zxcvbn's wipe() clears the copy and what it derived,
        // never the caller's array (which still has to unlock the store).
        char[] copy = passphrase.clone();
        Strength s = ESTIMATOR.measure(CharBuffer.wrap(copy), words);
        double log10 = s.getGuessesLog10();
        s.wipe();
        Arrays.fill(copy, '\0');
        return log10;
    }

    /**
     * Empty when {@code passphrase} may protect the store of the station these words describe (its
     * id, its office), else the first reason it may not. Reads the characters, keeps nothing.
     */
    public static Optional<Weakness> weakness(char[] passphrase, List<String> stationWords) {
        return judge(passphrase, stationWords).weakness();
    }

    /** @throws WeakPassphraseException exactly when {@link #weakness} names a reason */
    public static void requireStrong(char[] passphrase, List<String> stationWords) {
        Verdict v = judge(passphrase, stationWords);
        if (v.weakness().isPresent()) {
            throw new WeakPassphraseException(v.weakness().get(), v.guessesLog10());
        }
    }

    private record Verdict(Optional<Weakness> weakness, double guessesLog10) {
    }

    private static Verdict judge(char[] passphrase, List<String> stationWords) {
        if (passphrase == null || passphrase.length < MIN_LENGTH) {
            return new Verdict(Optional.of(Weakness.TOO_SHORT), 0);
        }
        BitSet seen = new BitSet();
        for (char c : passphrase) {
            seen.set(Character.toLowerCase(c));
        }
        if (seen.cardinality() < MIN_DISTINCT) {
            return new Verdict(Optional.of(Weakness.TOO_REPETITIVE), 0);
        }
        double log10 = guessesLog10(passphrase, stationWords);
        return new Verdict(log10 < MIN_GUESSES_LOG10 ? Optional.of(Weakness.GUESSABLE) : Optional.empty(), log10);
    }
}
