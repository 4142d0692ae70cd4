package id.rekam.app.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Both languages have every text, and every %key an FXML view uses exists. */
class BundlesTest {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/id/rekam/app/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void indonesianAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyKeyInTheViewsExists() throws IOException {
        Set<String> used = new HashSet<>();
        Pattern key = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/id/rekam/app/fxml"))) {
            for (Path f : files.toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        Pattern code = Pattern.compile("text\\(\"([A-Za-z0-9_.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = code.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        Set<String> missing = new HashSet<>(used);
        missing.removeAll(load("messages.properties").stringPropertyNames());
        assertThat(missing).isEmpty();
    }

    /** Words that are the same in both languages (names, loan words): the only texts English may share. */
    private static final Set<String> SAME_IN_BOTH = Set.of("NIK", "Operator", "Supervisor", "Biodata", "Islam", "Status");

    /**
     * An English text that equals the Indonesian one is an untranslated leak ("Per kelurahan/desa:"
     * in the English card desk), unless it is a name or format the two languages share.
     */
    @Test
    void englishTextsAreTranslated() throws IOException {
        for (String base : List.of("messages", "cards/messages")) {
            Properties id = load(base + ".properties");
            Properties en = load(base + "_en.properties");
            List<String> leaks = id.stringPropertyNames().stream()
                    .filter(k -> id.getProperty(k).equals(en.getProperty(k)))
                    .filter(k -> id.getProperty(k).matches(".*\\p{L}{3}.*"))
                    .filter(k -> !SAME_IN_BOTH.contains(id.getProperty(k)) && !k.equals("app.window"))
                    .map(k -> k + "=" + id.getProperty(k)).toList();
            assertThat(leaks).as(base + ": English texts left in Bahasa Indonesia").isEmpty();
        }
    }

    /** Views take their texts from the bundles: a literal word in an FXML shows untranslated in English. */
    @Test
    void viewsHaveNoLiteralWords() throws IOException {
        Pattern literal = Pattern.compile("(?:text|promptText)=\"([^%\"][^\"]*)\"");
        List<String> found = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/id/rekam/app/fxml"))) {
            for (Path f : files.toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    String t = m.group(1);
                    // Brand marks, placeholders for numbers, and format examples (a URL, "sha256/…", a path).
                    if (t.matches(".*\\p{Ll}{2}.*") && !t.matches("(https?://|/|sha256/).*")) {
                        found.add(f.getFileName() + ": " + t);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
