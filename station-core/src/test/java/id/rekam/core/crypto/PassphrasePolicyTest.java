package id.rekam.core.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PassphrasePolicyTest {

    private final PassphrasePolicy policy = PassphrasePolicy.standard();

    @Test
    void aShortOrRepetitivePassphraseIsRefusedAndSaysWhy() {
        assertThat(policy.weakness("rahasia".toCharArray())).contains(PassphrasePolicy.Weakness.TOO_SHORT);
        assertThat(policy.weakness("abcdefghijk".toCharArray())).as("11 characters").contains(PassphrasePolicy.Weakness.TOO_SHORT);
        assertThat(policy.weakness("aaaaaaaaaaaaaaaa".toCharArray())).contains(PassphrasePolicy.Weakness.TOO_REPETITIVE);
        assertThat(policy.weakness("121212121212".toCharArray())).contains(PassphrasePolicy.Weakness.TOO_REPETITIVE);
        assertThat(policy.weakness("AaAaBbBbCcCc".toCharArray())).as("case does not make a character new")
                .contains(PassphrasePolicy.Weakness.TOO_REPETITIVE);
        assertThat(policy.weakness(null)).contains(PassphrasePolicy.Weakness.TOO_SHORT);
    }

    @Test
    void aPhraseOfThreeShortWordsIsAccepted() {
        assertThat(policy.weakness("kopi-pagi-depok".toCharArray())).isEmpty();
        assertThat(policy.weakness("uji-stasiun-2026".toCharArray())).isEmpty();
        assertThat(policy.weakness("abcdefghijkl".toCharArray())).isEmpty();
    }
}
