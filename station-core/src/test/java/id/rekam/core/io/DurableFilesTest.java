package id.rekam.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurableFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileWhole() throws IOException {
        Path f = dir.resolve("sub/settings.properties");
        DurableFiles.write(f, "a=1\n".getBytes(StandardCharsets.UTF_8));
        DurableFiles.write(f, out -> out.write("a=2\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(f)).isEqualTo("a=2\n");
        assertThat(names(f.getParent())).containsExactly("settings.properties");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryBehind() throws IOException {
        Path f = dir.resolve("station.properties");
        DurableFiles.write(f, "old".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DurableFiles.write(f, out -> {
            out.write("half of the n".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(f)).isEqualTo("old");
        assertThat(names(dir)).containsExactly("station.properties");
    }

    @Test
    void aProducerWritesUnderTheTemporaryNameOnly() throws IOException {
        Path f = dir.resolve("backups/rekam-1.db");
        DurableFiles.produce(f, tmp -> {
            assertThat(tmp.getParent()).isEqualTo(f.getParent());
            assertThat(tmp.getFileName().toString()).isNotEqualTo("rekam-1.db");
            assertThat(Files.exists(f)).isFalse();
            Files.writeString(tmp, "copy");
        });
        assertThat(Files.readString(f)).isEqualTo("copy");
        assertThat(names(f.getParent())).containsExactly("rekam-1.db");
    }

    @Test
    void aDirectoryMovesIntoPlace() throws IOException {
        Path work = Files.createDirectories(dir.resolve(".bundle.partial"));
        Files.writeString(work.resolve("manifest.json"), "{}");
        DurableFiles.syncDirectory(work);
        DurableFiles.moveIntoPlace(work, dir.resolve("bundle"));
        assertThat(Files.readString(dir.resolve("bundle/manifest.json"))).isEqualTo("{}");
        assertThat(Files.exists(work)).isFalse();
    }

    private static java.util.List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
