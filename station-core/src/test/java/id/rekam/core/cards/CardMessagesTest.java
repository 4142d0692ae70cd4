package id.rekam.core.cards;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CardMessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CardMessagesTest.class.getResourceAsStream("/id/rekam/core/cards/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryKeyUsedInCodeExists() throws IOException {
        Properties id = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(id.stringPropertyNames());

        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\"((?:card|input|batch|handover|ledger|destruction)\\.[a-zA-Z]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/id/rekam/core/cards"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.contains("static final String")) {
                        continue; // event type names such as "card.moved" are not message keys
                    }
                    Matcher m = key.matcher(line);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(25);
        assertThat(id.stringPropertyNames()).containsAll(used);
    }
}
