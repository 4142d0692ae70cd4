package id.rekam.core.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A private key kept as a file readable by its owner only: directory 0700, file 0600, both
 * created with those permissions (never widened then narrowed), written to a temporary name,
 * forced to disk and renamed, so a crash leaves the old key or the new one, never half of one.
 * Used for the central server's keys and the sync service's transport key. On a file system
 * without POSIX permissions (Windows) the ACLs of the directory apply.
 */
public final class PrivateKeyFile {

    private PrivateKeyFile() {
    }

    public static void createDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, posix("rwx------"));
        }
    }

    public static void write(Path file, byte[] secret) throws IOException {
        createDirectory(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                posix("rw-------"))) {
            ByteBuffer b = ByteBuffer.wrap(secret);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        id.rekam.core.io.DurableFiles.moveIntoPlace(tmp, file);
    }

    /** True when nobody but the owner can read the file (always true where POSIX permissions do not exist). */
    public static boolean ownerOnly(Path file) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return true;
        }
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        return perms.substring(3).equals("------");
    }

    private static FileAttribute<?>[] posix(String perms) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms))}
                : new FileAttribute<?>[0];
    }
}
