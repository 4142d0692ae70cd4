package id.rekam.app.ui;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One key map: every F-key opens one screen, and every button that names an F-key names the key
 * that opens its screen, in both languages (after the merges three buttons said F7 on home).
 */
class ShellKeysTest {

    /** Each button or link that leads to a screen, by its bundle key. */
    static final Map<String, Screen> BUTTONS = Map.of(
            "home.newEnrollment", Screen.ENROLL,
            "home.records", Screen.RECORDS,
            "home.approval", Screen.APPROVAL,
            "home.cards", Screen.CARDS,
            "home.sync", Screen.SYNC,
            "home.operators", Screen.OPERATORS,
            "home.cases.button", Screen.CASES,
            "home.settings", Screen.PROVISIONING,
            "field.banner.open", Screen.FIELD,
            "field.bundles", Screen.BUNDLES);
    static final Pattern KEY = Pattern.compile("\\((F\\d+)\\)\\s*$");

    @Test
    void eachKeyOpensItsOwnScreen() {
        assertThat(ShellKeys.SCREEN_KEYS.values()).doesNotHaveDuplicates();
        assertThat(ShellKeys.SCREEN_KEYS).doesNotContainKey(ShellKeys.LOGOUT);
    }

    @Test
    void everyButtonNamesTheKeyThatOpensItsScreen() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            var texts = BundlesTest.load(bundle);
            BUTTONS.forEach((key, screen) -> {
                Matcher m = KEY.matcher(texts.getProperty(key, ""));
                assertThat(m.find()).as(bundle + " " + key + " names its key").isTrue();
                assertThat(ShellKeys.SCREEN_KEYS.get(KeyCode.valueOf(m.group(1))))
                        .as(bundle + " " + key + " (" + m.group(1) + ")").isEqualTo(screen);
            });
        }
    }
}
