package id.rekam.core.auth;

import id.rekam.core.auth.PassphrasePolicy.Weakness;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The one rule for the station passphrase: what the desk asks ({@link PassphrasePolicy#weakness})
 * is what the store enforces ({@link PassphrasePolicy#requireStrong}), reason included.
 */
class PassphrasePolicyTest {

    private static final List<String> STATION = List.of("ST-327601-0001");

    @Test
    void aShortOrRepetitivePassphraseIsRefusedAndSaysWhy() {
        assertThat(weakness("rahasia")).contains(Weakness.TOO_SHORT);
        assertThat(weakness("abcdefghijk")).as("11 characters").contains(Weakness.TOO_SHORT);
        assertThat(weakness("aaaaaaaaaaaaaaaa")).contains(Weakness.TOO_REPETITIVE);
        assertThat(weakness("121212121212")).contains(Weakness.TOO_REPETITIVE);
        assertThat(weakness("AaAaBbBbCcCc")).as("case does not make a character new").contains(Weakness.TOO_REPETITIVE);
        assertThat(PassphrasePolicy.weakness(null, STATION)).contains(Weakness.TOO_SHORT);
    }

    @Test
    void longAndVariedIsNotEnoughWhenItIsEasyToGuess() {
        // Each passed the desk's old minimum rule (12+ characters, 6+ different) and was refused by the store.
        for (String p : List.of("abcdefghijkl", "rekam-ktp-kantor", "password1234", "Rekam2026!ktp", "ST-327601-0001x")) {
            assertThat(weakness(p)).as(p).contains(Weakness.GUESSABLE);
        }
    }

    @Test
    void aPhraseOfUncommonWordsIsAccepted() {
        assertThat(weakness("kopi-pagi-depok")).isEmpty();
        assertThat(weakness("perahu biru menyanyi di lumbung")).isEmpty();
    }

    @Test
    void theStoreRefusesExactlyWhatTheDeskIsToldAndForTheSameReason() {
        for (String p : List.of("rahasia", "aaaaaaaaaaaaaaaa", "rekam-ktp-kantor", "password1234", "kopi-pagi-depok",
                "uji-frasa-sandi-sinkron", "perahu biru menyanyi di lumbung")) {
            Optional<Weakness> told = weakness(p);
            WeakPassphraseException refused = catchThrowableOfType(WeakPassphraseException.class,
                    () -> PassphrasePolicy.requireStrong(p.toCharArray(), STATION));
            assertThat(Optional.ofNullable(refused).map(WeakPassphraseException::weakness)).as(p).isEqualTo(told);
        }
    }

    @Test
    void theStationsOwnWordsCount() {
        String own = "ST-327601-0001-kopi";
        assertThat(PassphrasePolicy.guessesLog10(own.toCharArray(), STATION))
                .isLessThan(PassphrasePolicy.guessesLog10(own.toCharArray(), List.of()));
    }

    private static Optional<Weakness> weakness(String p) {
        return PassphrasePolicy.weakness(p.toCharArray(), STATION);
    }
}
