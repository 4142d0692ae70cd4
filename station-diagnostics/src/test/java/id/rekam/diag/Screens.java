package id.rekam.diag;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Saves an image of a document for docs/screenshots when {@code rekam.screenshots.dir} points there. */
final class Screens {

    private Screens() {
    }

    static void save(BufferedImage image, String name) {
        String dir = System.getProperty("rekam.screenshots.dir");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
            ImageIO.write(image, "png", Path.of(dir, name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
