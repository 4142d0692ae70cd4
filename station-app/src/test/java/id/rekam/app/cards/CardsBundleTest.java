package id.rekam.app.cards;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

class CardsBundleTest {

    @Test
    void indonesianAndEnglishHaveTheSameKeysAndIndonesianIsTheDefault() {
        ResourceBundle id = CardsFxml.bundle(Locale.forLanguageTag("id"));
        ResourceBundle en = CardsFxml.bundle(Locale.ENGLISH);
        ResourceBundle fallback = CardsFxml.bundle(Locale.JAPANESE);
        assertThat(en.keySet()).isEqualTo(id.keySet());
        assertThat(fallback.getString("tab.handover")).isEqualTo("Penyerahan KTP-el");
        assertThat(en.getString("tab.handover")).isEqualTo("Card hand-over");
    }
}
