package id.rekam.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writing a file outside SQLite so that a crash or power cut leaves either the old file or the
 * new one, never a half-written or empty one: write a temporary file beside the target, force it
 * to the disk, rename it over the target in one step, force the directory (so the rename itself
 * survives). A rename alone is atomic but not durable: on ext4 without the fsyncs a power cut
 * right after it can leave a zero-length file under the new name.
 *
 * <p>Every file the station writes outside its database goes through here: settings, the
 * non-secret {@code station.properties}, backups (written by SQLite into the temporary name),
 * export bundles, the sync client's last-contact file and the device registry.
 */
public final class DurableFiles {

    /** Produces a file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Produces a file at the given path (e.g. SQLite's {@code VACUUM INTO}). */
    @FunctionalInterface
    public interface Producer {
        void produce(Path file) throws IOException;
    }

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");

    private DurableFiles() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes {@code content} to {@code target}: temp, fsync, rename, fsync of the directory. */
    public static void write(Path target, Content content) throws IOException {
        produce(target, tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
        });
    }

    /**
     * Lets {@code producer} write a temporary file beside {@code target}, then forces it and
     * renames it into place. On failure the temporary file is removed and the target untouched.
     */
    public static void produce(Path target, Producer producer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            producer.produce(tmp);
            force(tmp);
            moveIntoPlace(tmp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        syncDirectory(dir);
    }

    /**
     * Moves a finished file or directory (already forced) to {@code target} in one step where the
     * file system can, and forces the target's directory.
     */
    public static void moveIntoPlace(Path from, Path target) throws IOException {
        try {
            Files.move(from, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // e.g. FAT on a USB stick for an export bundle: the best that file system offers
            Files.move(from, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Forces a file's content and metadata to the device. */
    public static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /**
     * Forces a directory's entries (a new or renamed name) to the device. Windows cannot open a
     * directory as a channel; NTFS journals renames itself, so there it is skipped.
     */
    public static void syncDirectory(Path dir) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
