package id.rekam.app.fx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class SoftwareRenderingTest {

    @TempDir
    Path dev;

    @Test
    void withoutAGpuDeviceTheSoftwarePipelineIsChosen() throws IOException {
        Properties p = new Properties();
        assertThat(SoftwareRendering.choose(p, "Linux", dev)).isTrue();
        assertThat(p.getProperty("prism.order")).isEqualTo("sw");

        Files.createDirectories(dev.resolve("dri"));   // the directory without a node is no GPU
        Properties q = new Properties();
        assertThat(SoftwareRendering.choose(q, "Linux", dev)).isTrue();
        assertThat(q.getProperty("prism.order")).isEqualTo("sw");
    }

    @Test
    void aGpuDeviceLeavesTheChoiceToJavaFx() throws IOException {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/renderD128"));
        Properties p = new Properties();
        assertThat(SoftwareRendering.choose(p, "Linux", dev)).isFalse();
        assertThat(p).doesNotContainKey("prism.order");
    }

    @Test
    void anNvidiaDeviceIsAGpu() throws IOException {
        Files.createFile(dev.resolve("nvidia0"));
        Properties p = new Properties();
        assertThat(SoftwareRendering.choose(p, "Linux", dev)).isFalse();
        assertThat(p).doesNotContainKey("prism.order");
    }

    @Test
    void theSitesOwnOrderAndOtherSystemsAreLeftAlone() {
        Properties site = new Properties();
        site.setProperty("prism.order", "es2");
        assertThat(SoftwareRendering.choose(site, "Linux", dev)).isFalse();
        assertThat(site.getProperty("prism.order")).isEqualTo("es2");

        Properties windows = new Properties();
        assertThat(SoftwareRendering.choose(windows, "Windows 10", dev)).isFalse();
        assertThat(windows).doesNotContainKey("prism.order");
    }
}
