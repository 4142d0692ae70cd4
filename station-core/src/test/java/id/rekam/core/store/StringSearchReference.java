package id.rekam.core.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The search index as it was before entries were packed (commit fcaa24d): one record and
 * several {@code String}s per entry, the matcher over them, and the first snapshot format. Kept
 * for tests only, as the oracle the packed index must agree with and as the baseline of
 * {@code SummaryIndexFootprintTest}.
 */
final class StringSearchReference {

    record Entry(String id, String nik, String[] nameWords, String villageCode) {
    }

    /** Newest first, as the index held them. */
    final List<Entry> entries = new ArrayList<>();

    void added(String id, SummaryDoc doc) {
        entries.add(0, entry(id, doc));
    }

    List<String> matching(String query, int limit) {
        Predicate<Entry> match = matcher(query);
        List<String> hits = new ArrayList<>();
        for (Entry e : entries) {
            if (hits.size() >= limit) {
                break;
            }
            if (match.test(e)) {
                hits.add(e.id());
            }
        }
        return hits;
    }

    static Entry entry(String id, SummaryDoc doc) {
        return new Entry(id, doc.nik(), doc.fullName().toUpperCase(Locale.ROOT).split("[\\s.,'-]+"),
                doc.villageCode() == null ? null : doc.villageCode().intern());
    }

    static Predicate<Entry> matcher(String query) {
        String q = query == null ? "" : query.strip().toUpperCase(Locale.ROOT);
        if (q.isEmpty()) {
            return e -> true;
        }
        if (q.chars().allMatch(Character::isDigit)) {
            return e -> e.nik().contains(q);
        }
        String[] words = q.split("\\s+");
        return e -> {
            for (String w : words) {
                boolean found = false;
                for (String n : e.nameWords()) {
                    if (n.startsWith(w)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        };
    }

    /** A chunk of the first snapshot format. */
    static byte[] encodeV1(List<Entry> part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.size() * 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(part.size());
            for (Entry e : part) {
                out.writeUTF(e.id());
                out.writeUTF(e.nik());
                out.writeUTF(String.join(" ", e.nameWords()));
                out.writeUTF(e.villageCode() == null ? "" : e.villageCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a chunk of the first snapshot format. */
    static List<Entry> decodeV1(byte[] plain) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            int n = in.readInt();
            List<Entry> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                String nik = in.readUTF();
                String words = in.readUTF();
                String village = in.readUTF();
                out.add(new Entry(id, nik, words.isEmpty() ? new String[0] : words.split(" "),
                        village.isEmpty() ? null : village.intern()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("search snapshot unreadable", e);
        }
    }
}
