package id.rekam.app.fx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Chooses JavaFX's software pipeline before the toolkit starts on a Linux machine with no GPU
 * device (nothing in {@code /dev/dri}, no NVIDIA device): old office desktops, virtual machines
 * without 3D, Xvfb.
 *
 * <p>There Mesa can offer OpenGL only through its software rasteriser, which JavaFX's ES2 pipeline
 * refuses, so the station ends up on the software pipeline anyway; probing first loads Mesa and
 * its LLVM (≈50 MB resident, kept for the process's life) for nothing. The zip's {@code bin/rekam}
 * also sets {@code GDK_GL=disable} there, so that GTK does not load the same libraries to list GL
 * visuals (docs/design/packaging.md, "Launcher memory"). A {@code prism.order} given by the site
 * wins; with a GPU nothing changes.
 */
public final class SoftwareRendering {

    static final String ORDER = "prism.order";

    private SoftwareRendering() {
    }

    /** @return true when this call chose the software pipeline */
    public static boolean chooseWhenNoGpu() {
        return choose(System.getProperties(), System.getProperty("os.name", ""), Path.of("/dev"));
    }

    static boolean choose(Properties properties, String osName, Path dev) {
        if (properties.getProperty(ORDER) != null || !osName.startsWith("Linux") || hasGpuDevice(dev)) {
            return false;
        }
        properties.setProperty(ORDER, "sw");
        return true;
    }

    /** Whether {@code dev} (the system's {@code /dev}) holds a GPU device: a DRM node or an NVIDIA device. */
    public static boolean hasGpuDevice(Path dev) {
        if (Files.exists(dev.resolve("nvidia0")) || Files.exists(dev.resolve("nvidiactl"))) {
            return true;
        }
        Path dri = dev.resolve("dri");
        if (!Files.isDirectory(dri)) {
            return false;
        }
        try (Stream<Path> nodes = Files.list(dri)) {
            return nodes.findAny().isPresent();
        } catch (IOException e) {
            return true;   // cannot tell: leave the choice to JavaFX, as without this class
        }
    }
}
