package id.rekam.core.io;

import id.rekam.core.photo.Portraits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A photo capture (the 3:4 crop and the JPEG the record keeps, then reading it back as the desk
 * does) writes nothing to the temporary directory ImageIO would cache in: watched with a
 * {@link WatchService} and listed before and after. The same watch sees ImageIO's cache file
 * when the cache is on, so it would catch a regression.
 */
class ImageIoCacheTest {

    @TempDir
    Path tmp;

    private final File originalCacheDir = ImageIO.getCacheDirectory();

    @AfterEach
    void restore() {
        ImageIO.setCacheDirectory(originalCacheDir);
        ImageIoCache.off();
    }

    @Test
    void aPhotoCaptureLeavesNothingInTheTempDirectory() throws Exception {
        ImageIO.setCacheDirectory(tmp.toFile());
        ImageIO.setUseCache(true); // the JDK's default, until the station's Main switches it off
        ImageIoCache.off();
        List<String> created = watchWhile(tmp, () -> {
            byte[] jpeg = Portraits.jpeg(Portraits.crop3x4(frame()));
            assertThat(ImageIO.read(new ByteArrayInputStream(jpeg)).getHeight()).isEqualTo(480);
            ByteArrayOutputStream signature = new ByteArrayOutputStream();
            ImageIO.write(frame(), "png", signature);
        });
        assertThat(ImageIO.getUseCache()).isFalse();
        assertThat(created).isEmpty();
        assertThat(list(tmp)).isEmpty();
    }

    @Test
    void theWatchSeesImageIosCacheFileWhenTheCacheIsOn() throws Exception {
        ImageIO.setCacheDirectory(tmp.toFile());
        ImageIO.setUseCache(true);
        List<String> created = watchWhile(tmp, () -> {
            // Held open while the watch looks: ImageIO deletes its cache file when the stream closes.
            try (var ios = ImageIO.createImageOutputStream(new ByteArrayOutputStream())) {
                ImageIO.write(frame(), "jpeg", ios);
                assertThat(list(tmp)).anyMatch(n -> n.startsWith("imageio"));
            }
        });
        assertThat(created).anyMatch(n -> n.startsWith("imageio"));
    }

    /** A 640×480 camera-sized frame with some structure (not all one colour). */
    private static BufferedImage frame() {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(200, 30, 30));
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.WHITE);
        g.fillOval(220, 100, 200, 260);
        g.dispose();
        return img;
    }

    @FunctionalInterface
    interface Work {
        void run() throws IOException;
    }

    private static List<String> watchWhile(Path dir, Work work) throws IOException, InterruptedException {
        List<String> created = new ArrayList<>();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            work.run();
            WatchKey key = watch.poll(500, TimeUnit.MILLISECONDS);
            while (key != null) {
                for (WatchEvent<?> e : key.pollEvents()) {
                    created.add(String.valueOf(e.context()));
                }
                key.reset();
                key = watch.poll(100, TimeUnit.MILLISECONDS);
            }
        }
        return created;
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
