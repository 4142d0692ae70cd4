package id.rekam.core.nik;

import id.rekam.core.domain.Gender;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

class NikMessagesTest {

    private static final Locale ID = Locale.forLanguageTag("id");

    @Test
    void theExampleMessageReadsAsSpecified() {
        NikIssue issue = NikIssue.of(NikIssueCode.DAY_OUT_OF_RANGE, "72");
        assertThat(issue.message(ID)).isEqualTo("Digit 7–8 (tanggal lahir) harus 01–31, atau 41–71 untuk perempuan; tertulis 72.");
        assertThat(issue.message(Locale.ENGLISH)).isEqualTo("Digits 7–8 (day of birth) must be 01–31, or 41–71 for women; found 72.");
    }

    @Test
    void everyCodeAndGroupHasATextInBothLanguages() {
        for (Locale locale : new Locale[] {ID, Locale.ENGLISH}) {
            ResourceBundle bundle = NikMessages.bundle(locale);
            for (NikIssueCode code : NikIssueCode.values()) {
                assertThat(bundle.getString("issue." + code.name())).as(code + " " + locale).isNotBlank();
            }
            for (NikGroup group : NikGroup.values()) {
                assertThat(bundle.getString("group." + group.name())).as(group + " " + locale).isNotBlank();
            }
            for (Gender g : Gender.values()) {
                assertThat(bundle.getString("gender." + g.name())).isNotBlank();
            }
        }
        for (NikIssueCode code : NikIssueCode.values()) {
            NikIssue issue = NikIssue.of(code, "a1", "b2", "c3");
            assertThat(issue.message(ID)).isNotEqualTo(issue.message(Locale.ENGLISH)).doesNotContain("{");
        }
    }

    @Test
    void messagesThatPointAtDigitsNameTheirPositions() {
        for (NikIssueCode code : NikIssueCode.values()) {
            if (code.group() == NikGroup.LENGTH || code.group() == NikGroup.CHARACTERS) {
                continue;
            }
            String digits = code.group().firstDigit() + "–" + code.group().lastDigit();
            assertThat(NikIssue.of(code, "x", "y", "z").message(ID)).as(code.name()).startsWith("Digit " + digits);
        }
    }

    @Test
    void indonesianIsTheDefaultWhateverTheJvmLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertThat(NikIssue.of(NikIssueCode.SERIAL_ZERO).message(ID)).isEqualTo("Digit 13–16 (nomor urut) tidak boleh 0000.");
            assertThat(NikIssue.of(NikIssueCode.SERIAL_ZERO).message(Locale.FRENCH)).isEqualTo("Digit 13–16 (nomor urut) tidak boleh 0000.");
            assertThat(NikIssue.of(NikIssueCode.SERIAL_ZERO).message(Locale.UK)).isEqualTo("Digits 13–16 (serial number) must not be 0000.");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
