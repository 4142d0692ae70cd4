package id.rekam.installer.dist;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the entry headers of a ustar/pax .tar.gz; the JDK has no tar reader and the test
 * only needs names, modes, times and sizes.
 */
final class TarGzEntries {

    record Entry(String name, int mode, long mtime, long size, char type) {
        boolean isDirectory() {
            return type == '5';
        }
    }

    private TarGzEntries() {
    }

    static List<Entry> read(Path tgz) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(tgz);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            String paxPath = null;
            byte[] header = new byte[512];
            while (true) {
                try {
                    in.readFully(header);
                } catch (EOFException e) {
                    break;
                }
                if (isZero(header)) {
                    break;
                }
                String name = string(header, 0, 100);
                int mode = (int) octal(header, 100, 8);
                long size = octal(header, 124, 12);
                long mtime = octal(header, 136, 12);
                char type = (char) (header[156] == 0 ? '0' : header[156]);
                String prefix = string(header, 345, 155);
                byte[] body = new byte[(int) size];
                in.readFully(body);
                in.readFully(new byte[(int) ((512 - size % 512) % 512)]);
                if (type == 'x') {
                    paxPath = paxValue(new String(body, StandardCharsets.UTF_8), "path");
                    continue;
                }
                if (type == 'L') {
                    paxPath = string(body, 0, body.length);
                    continue;
                }
                String full = paxPath != null ? paxPath : prefix.isEmpty() ? name : prefix + "/" + name;
                paxPath = null;
                entries.add(new Entry(full, mode, mtime, size, type));
            }
        }
        return entries;
    }

    private static String paxValue(String records, String key) {
        for (String line : records.split("\n")) {
            int space = line.indexOf(' ');
            int eq = line.indexOf('=');
            if (space > 0 && eq > space && line.substring(space + 1, eq).equals(key)) {
                return line.substring(eq + 1);
            }
        }
        return null;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static String string(byte[] b, int off, int len) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = off; i < off + len && b[i] != 0; i++) {
            out.write(b[i]);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int off, int len) {
        String s = string(b, off, len).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }
}
