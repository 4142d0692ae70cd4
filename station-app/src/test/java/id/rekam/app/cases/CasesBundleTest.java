package id.rekam.app.cases;

import id.rekam.core.cases.CaseAction;
import id.rekam.core.cases.CaseRecord;
import id.rekam.core.cases.CaseSource;
import id.rekam.core.cases.CaseState;
import id.rekam.core.cases.Outcome;
import id.rekam.core.cases.VoidReason;
import id.rekam.core.domain.FingerPosition;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The case screens' bundle: both languages alike, every key the views and controllers name, every state and code named. */
class CasesBundleTest {

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryKeyUsedOrEnumeratedExists() throws Exception {
        ResourceBundle id = CasesFxml.bundle(Locale.forLanguageTag("id"));
        ResourceBundle en = CasesFxml.bundle(Locale.ENGLISH);
        assertThat(en.keySet()).isEqualTo(id.keySet());
        assertThat(CasesFxml.bundle(Locale.JAPANESE).getString("list.title")).isEqualTo("Kasus KTP ganda");

        Set<String> used = new TreeSet<>();
        Pattern inFxml = Pattern.compile("\"%([a-zA-Z.]+)\"");
        Pattern inJava = Pattern.compile("desk\\.t\\(\"([a-zA-Z.]+)\"");
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources/id/rekam/app/cases")),
                Files.walk(Path.of("src/main/java/id/rekam/app/cases")))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.toString().endsWith("home-cases.fxml")) {
                    continue; // the home node speaks from the app bundle (BundlesTest)
                }
                String text = Files.readString(f);
                Matcher m = (f.toString().endsWith(".java") ? inJava : inFxml).matcher(text);
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(40);
        assertThat(id.keySet()).containsAll(used);
        for (CaseState s : CaseState.values()) {
            assertThat(id.containsKey("state." + s.name())).as(s.name()).isTrue();
        }
        for (CaseSource s : CaseSource.values()) {
            assertThat(id.containsKey("source." + s.name())).as(s.name()).isTrue();
        }
        for (Outcome o : Outcome.values()) {
            assertThat(id.containsKey("outcome." + o.name())).as(o.name()).isTrue();
        }
        for (VoidReason v : VoidReason.values()) {
            assertThat(id.containsKey("void." + v.name())).as(v.name()).isTrue();
        }
        for (CaseAction a : CaseAction.values()) {
            assertThat(id.containsKey("action." + a.name())).as(a.name()).isTrue();
        }
        for (CaseRecord.Holding h : CaseRecord.Holding.values()) {
            assertThat(id.containsKey("holding." + h.name())).as(h.name()).isTrue();
        }
        for (FingerPosition f : FingerPosition.values()) {
            assertThat(id.containsKey("finger." + f.name())).as(f.name()).isTrue();
        }
    }
}
