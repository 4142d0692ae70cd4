package id.rekam.core.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/id/rekam/core/store/" + name)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").keySet()).isEqualTo(load("messages.properties").keySet());
    }

    @Test
    void indonesianIsTheDefaultWhateverTheJvmLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            StoreException e = new StoreFullException(null);
            assertThat(e.getMessage()).contains("Penyimpanan penuh");
            assertThat(e.localizedMessage(Locale.forLanguageTag("id-ID"))).contains("Penyimpanan penuh");
            assertThat(e.localizedMessage(Locale.forLanguageTag("jv"))).contains("Penyimpanan penuh");
            assertThat(e.localizedMessage(Locale.ENGLISH)).contains("Storage is full");
        } finally {
            Locale.setDefault(before);
        }
    }
}
