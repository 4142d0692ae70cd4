package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.app.testing.Ui;
import id.rekam.fixtures.DemoSeeder;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The station in English (-Drekam.lang=en): the main screens show no Indonesian text from the
 * bundles (a hard-coded locale or a missing key would) and cut no English text short.
 */
@ExtendWith(ApplicationExtension.class)
class EnglishLocaleFlowTest {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        new TestStation(dir, AppConfig.ApprovalMode.END_OF_DAY, true, true, null, Locale.ENGLISH).show(stage);
    }

    @Test
    void mainScreensAreInEnglish(FxRobot robot) {
        Flow flow = new Flow(robot);
        flow.unlockDemo();
        english(flow, "login");
        flow.logIn(DemoSeeder.OPERATOR, DemoSeeder.OPERATOR_PASSWORD);
        Flow.waitFor(() -> flow.text("#waitingApproval").equals("4"));
        assertThat(flow.text("#newEnrollment")).isEqualTo("New recording  (F2)");
        english(flow, "60-en-home");
        robot.type(KeyCode.F3);
        flow.await("#recordTable", Node.class);
        english(flow, "records");
        flow.click("#homeButton");
        flow.await("#newEnrollment", Node.class);
        robot.type(KeyCode.F6);
        flow.await("#syncPushNow", Node.class);
        english(flow, "sync");
        flow.click("#homeButton");
        flow.await("#newEnrollment", Node.class);
        robot.type(KeyCode.F2);
        flow.await("#nik", Node.class);
        english(flow, "61-en-biodata");
    }

    private static void english(Flow flow, String screen) {
        if (screen.matches("\\d.*")) {
            flow.screenshot(screen);
        }
        Set<String> indonesian = indonesianOnly();
        List<String> shown = Ui.onFx(EnglishLocaleFlowTest::shownTexts);
        assertThat(shown).as("Indonesian texts on the English " + screen).noneMatch(indonesian::contains);
        assertThat(Ui.cutShortTexts()).as("texts cut short on the English " + screen).isEmpty();
    }

    /** Texts of the Indonesian bundle that differ from their English translation. */
    private static Set<String> indonesianOnly() {
        Properties id = load("messages.properties");
        Properties en = load("messages_en.properties");
        Set<String> out = new HashSet<>();
        for (String k : id.stringPropertyNames()) {
            String v = id.getProperty(k);
            if (!v.equals(en.getProperty(k)) && !v.contains("{")) {
                out.add(v);
            }
        }
        return out;
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = EnglishLocaleFlowTest.class.getResourceAsStream("/id/rekam/app/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static List<String> shownTexts() {
        List<String> texts = new ArrayList<>();
        Deque<Node> queue = new ArrayDeque<>(List.of(Ui.mainWindow().orElseThrow().getScene().getRoot()));
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            if (!n.isVisible()) {
                continue;
            }
            if (n instanceof Labeled l && l.getText() != null) {
                texts.add(l.getText());
            }
            if (n instanceof Parent p) {
                queue.addAll(p.getChildrenUnmodifiable());
            }
        }
        return texts;
    }
}
