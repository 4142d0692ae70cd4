package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.StationApp;
import id.rekam.app.ports.DeviceFailure;
import id.rekam.app.ports.FingerprintService;
import id.rekam.app.ports.StoreGateway;
import id.rekam.core.auth.PassphrasePolicy;
import id.rekam.core.store.StoreException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Device, network and store failures in the desk's language, from message keys: never the
 * exception's own message (English, a path, a class name), in both languages.
 */
class ErrorTextTest {

    static ErrorText text(String lang) {
        AppConfig c = new AppConfig("ST-327601-0001", "Kecamatan Pancoran Mas", "32.76.01", Path.of("x"),
                Locale.forLanguageTag(lang), AppConfig.ApprovalMode.END_OF_DAY, false, null);
        ResourceBundle b = StationApp.bundle(c);
        return new ErrorText(b, c.locale());
    }

    static final String LEAK = "/var/lib/rekam/station.db id.rekam.core.Whatever: did not answer";

    @Test
    void everyKindOfFailureHasItsOwnWordsInBothLanguages() {
        for (String lang : List.of("id", "en")) {
            ErrorText t = text(lang);
            List<Throwable> failures = List.of(
                    new IllegalStateException(LEAK, new FingerprintService.ScanException(DeviceFailure.NOT_ANSWERING, LEAK, null)),
                    new StoreException("store.corrupt", "/var/lib/rekam/station.db", "/var/lib/rekam/backups/b1", "SQLITE_CORRUPT"),
                    new StoreException("store.full"),
                    new RuntimeException(LEAK, new ConnectException("Connection refused to https://pusat.example:8443")),
                    new java.io.UncheckedIOException(new IOException("/var/lib/rekam/x: No space left on device")),
                    new StoreGateway.WeakPassphraseException(PassphrasePolicy.Weakness.TOO_SHORT),
                    new NullPointerException(LEAK));
            for (Throwable f : failures) {
                String shown = t.of(f);
                assertThat(shown).as(lang + ": " + f).isNotBlank().doesNotContain("/").doesNotContain("id.rekam")
                        .doesNotContain("Exception").doesNotContain("SQLITE").doesNotContain("did not answer");
            }
            assertThat(t.of(new RuntimeException(LEAK))).as("unexpected: a code the log repeats")
                    .matches(".*[0-9a-f]{8}.*");
        }
        assertThat(text("id").of(new RuntimeException(new ConnectException("x")))).startsWith("Server pusat tidak dapat dihubungi");
        assertThat(text("en").of(new RuntimeException(new ConnectException("x")))).startsWith("The central server cannot be reached");
        assertThat(text("id").of(new StoreException("store.full"))).startsWith("Penyimpanan penuh");
    }
}
