package id.rekam.demo;

import id.rekam.app.AppConfig;
import id.rekam.app.Bootstrap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./mvnw -Pdemo -DskipTests verify -Drekam.lang=en} opens the demo in English: the demo
 * JVM is a separate process (exec-maven-plugin), which inherits no Maven property, so the pom
 * passes the language on as an argument, Bahasa Indonesia by default; the station reads it.
 */
class DemoLanguageTest {

    @AfterEach
    void clear() {
        System.clearProperty("rekam.lang");
        System.clearProperty("rekam.dataDir");
    }

    @Test
    void theDemoLaunchPassesTheLanguageOnAndTheStationUsesIt() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        List<String> args = new ArrayList<>();
        NodeList nodes = pom.getElementsByTagName("argument");
        for (int i = 0; i < nodes.getLength(); i++) {
            args.add(nodes.item(i).getTextContent().trim());
        }
        assertThat(args).contains("-Drekam.lang=${rekam.lang}");
        Element props = (Element) pom.getElementsByTagName("properties").item(0);
        assertThat(props.getElementsByTagName("rekam.lang").item(0).getTextContent()).isEqualTo("id");

        System.setProperty("rekam.dataDir", Path.of("target", "demo-lang-test").toAbsolutePath().toString());
        System.setProperty("rekam.lang", "en");
        AppConfig config = Bootstrap.config(List.of("--demo"));
        assertThat(config.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(id.rekam.app.StationApp.bundle(config).getString("shell.logout")).startsWith("Log out");
    }
}
