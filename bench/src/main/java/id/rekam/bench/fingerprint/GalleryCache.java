package id.rekam.bench.fingerprint;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Serialized templates of the search gallery, kept under target/ so repeated benchmark
 * runs skip the slow part (generating and extracting thousands of prints). The file
 * holds: magic, count, then per template its length and SourceAFIS bytes.
 */
final class GalleryCache {

    private static final int MAGIC = 0x524B4731; // "RKG1"

    private GalleryCache() {
    }

    static List<byte[]> read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a gallery cache: " + file);
            }
            int n = in.readInt();
            List<byte[]> templates = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte[] t = new byte[in.readInt()];
                in.readFully(t);
                templates.add(t);
            }
            return templates;
        }
    }

    static void write(Path file, List<byte[]> templates) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream raw = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(raw)) {
            out.writeInt(MAGIC);
            out.writeInt(templates.size());
            for (byte[] t : templates) {
                out.writeInt(t.length);
                out.write(t);
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
