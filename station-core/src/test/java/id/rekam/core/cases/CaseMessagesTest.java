package id.rekam.core.cases;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CaseMessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CaseMessagesTest.class.getResourceAsStream("/id/rekam/core/cases/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeysEveryKeyUsedExistsAndStatesAreNamed() throws IOException {
        Properties id = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(id.stringPropertyNames());
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\"(case\\.[a-zA-Z]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/id/rekam/core/cases"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals("case.outcome")) { // the event type, not a message
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(20);
        assertThat(id.stringPropertyNames()).containsAll(used);
        for (CaseState s : CaseState.values()) {
            assertThat(id).containsKey("state." + s.name());
        }
        assertThat(new CaseException("case.wrongState", "c-1", CaseState.INVITED).localizedMessage(Locale.ENGLISH))
                .isEqualTo("Case c-1 is invited; this cannot be done now.");
        assertThat(new CaseException("case.wrongState", "c-1", CaseState.INVITED).getMessage()).contains("diundang");
    }
}
