package id.rekam.installer.selftest;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModulesCheckTest {

    private static Path jarOf(String className) throws ClassNotFoundException, URISyntaxException {
        return Path.of(Class.forName(className, false, ModulesCheckTest.class.getClassLoader())
                .getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The defect this check exists for: a runtime linked without java.scripting crashed at the first FXML view. */
    @Test
    void aRuntimeWithoutAModuleThatFxmlRequiresFails() throws Exception {
        Path fxml = jarOf("javafx.fxml.FXMLLoader");

        CheckResult r = new ModulesCheck(List.of(fxml), name -> !name.equals("java.scripting")).run();

        assertThat(r.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(r.details()).anyMatch(d -> d.contains("javafx.fxml") && d.contains("requires java.scripting"));
    }

    @Test
    void theBuildRuntimeHasEveryModuleTheJarsRequire() throws Exception {
        CheckResult r = new ModulesCheck(List.of(jarOf("javafx.fxml.FXMLLoader"), jarOf("javafx.scene.control.Button")),
                name -> ModuleLayer.boot().findModule(name).isPresent()
                        || java.lang.module.ModuleFinder.ofSystem().find(name).isPresent()).run();

        assertThat(r.status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(r.details().get(0)).contains("java.scripting", "2 modular jars");
    }

    @Test
    void plainJarsAreSkipped() throws Exception {
        // This test's own classes directory is not a modular jar.
        CheckResult r = new ModulesCheck(List.of(jarOf(ModulesCheckTest.class.getName())), name -> false).run();

        assertThat(r.status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(r.details().get(0)).startsWith("0 modular jars");
    }
}
