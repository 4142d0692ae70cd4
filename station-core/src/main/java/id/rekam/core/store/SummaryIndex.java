package id.rekam.core.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decrypted search entries, newest first, loaded on the first search of a session (or by
 * {@link #warm()} right after unlock) and extended by every save. Summaries never change once
 * written, so entries never go stale. Plaintext in heap, as on the screen: the threat this store
 * addresses is data at rest.
 *
 * <p>Loading 100,000 summaries one AES-GCM open and one JSON parse at a time took 2.7–2.9 s in a
 * fresh JVM. The index is therefore also kept as a <em>sealed snapshot</em>: its entries in a
 * compact binary form, in chunks of {@link #CHUNK} sealed under the data key (AAD = chunk number +
 * "search-snapshot"), written when the store closes and by the warm-up after unlock when many
 * records were missing from it (never on a search: that must answer). A load opens the chunks (a few large AES-GCM calls the JIT handles at once),
 * then only the summaries committed after the snapshot. The snapshot holds exactly what the
 * summaries hold, sealed the same way, so it reveals nothing more at rest.
 */
final class SummaryIndex {

    /** Entries per sealed snapshot chunk. */
    static final int CHUNK = 4096;
    /** Records missing from the snapshot after which a load rewrites it at once. */
    static final int REWRITE_AFTER = 2000;
    static final String SNAPSHOT = "search-snapshot";

    record Entry(String id, String nik, String[] nameWords, String villageCode) {
    }

    private final Database db;
    private final SummarySeal summaries;
    private List<Entry> entries;
    /** Entries the stored snapshot lacks (committed or loaded since it was written). */
    private int unsnapshotted;

    SummaryIndex(Database db, SummarySeal summaries) {
        this.db = db;
        this.summaries = summaries;
    }

    /**
     * Ids of the newest records matching {@code query}, at most {@code limit}: NIK digits (any
     * part), or every word of the query starting a word of the name (case-insensitive).
     */
    synchronized List<String> matching(String query, int limit) {
        Predicate<Entry> match = matcher(query);
        List<String> hits = new ArrayList<>();
        for (Entry e : entries()) {
            if (hits.size() >= limit) {
                break;
            }
            if (match.test(e)) {
                hits.add(e.id());
            }
        }
        return hits;
    }

    /** Kelurahan code per record id, for coverage counts. */
    synchronized Map<String, String> villages() {
        List<Entry> all = entries();
        Map<String, String> out = new HashMap<>(all.size() * 2);
        for (Entry e : all) {
            out.put(e.id(), e.villageCode());
        }
        return out;
    }

    /** A record just committed; only recorded once the index has been loaded. */
    synchronized void added(String id, SummaryDoc doc) {
        if (entries != null) {
            entries.add(0, entry(id, doc));
            unsnapshotted++;
        }
    }

    /**
     * Loads the index now (after unlock, off the screen's thread), so the first search is quick,
     * and rewrites the snapshot there when many records were missing from it.
     */
    synchronized void warm() {
        entries();
        if (unsnapshotted >= REWRITE_AFTER) {
            writeSnapshot();
        }
    }

    /** Writes the snapshot when the index knows entries it lacks; called as the store closes. */
    synchronized void snapshotIfStale() {
        if (entries != null && unsnapshotted > 0) {
            writeSnapshot();
        }
    }

    private List<Entry> entries() {
        if (entries == null) {
            List<Entry> loaded = db.read(this::load);
            entries = new ArrayList<>(loaded);
        }
        return entries;
    }

    private List<Entry> load(Connection c) throws SQLException {
        List<byte[]> chunks = new ArrayList<>();
        long upto = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT chunk, upto_rowid, sealed FROM search_snapshot ORDER BY chunk")) {
            while (rs.next()) {
                if (rs.getInt(1) != chunks.size()) {
                    chunks.clear();
                    upto = 0;
                    break;
                }
                upto = rs.getLong(2);
                chunks.add(rs.getBytes(3));
            }
        }
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT id, summary FROM records WHERE rowid > ? ORDER BY committed_at DESC, rowid DESC")) {
            p.setLong(1, upto);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    out.add(entry(id, summaries.open(id, rs.getBytes(2))));
                }
            }
        }
        unsnapshotted = out.size();
        List<List<Entry>> opened = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < chunks.size(); i++) {
            opened.add(null);
        }
        // Two cores open two chunks at a time; the chunk number is their order.
        java.util.stream.IntStream.range(0, chunks.size()).parallel()
                .forEach(i -> opened.set(i, decode(summaries.openSnapshot(i, chunks.get(i)))));
        for (List<Entry> part : opened) {
            out.addAll(part);
        }
        return out;
    }

    private void writeSnapshot() {
        List<Entry> all = entries;
        List<byte[]> sealed = new ArrayList<>();
        for (int from = 0, chunk = 0; from < all.size(); from += CHUNK, chunk++) {
            sealed.add(summaries.sealSnapshot(chunk, encode(all.subList(from, Math.min(all.size(), from + CHUNK)))));
        }
        db.inTransaction(c -> {
            long upto;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT coalesce(max(rowid), 0), count(*) FROM records")) {
                rs.next();
                upto = rs.getLong(1);
                if (rs.getLong(2) != all.size()) {
                    // Another writer (a tool on the same file) added records this index has not seen.
                    return null;
                }
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM search_snapshot");
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO search_snapshot (chunk, upto_rowid, sealed) VALUES (?,?,?)")) {
                for (int i = 0; i < sealed.size(); i++) {
                    p.setInt(1, i);
                    p.setLong(2, upto);
                    p.setBytes(3, sealed.get(i));
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
        unsnapshotted = 0;
    }

    static byte[] encode(List<Entry> part) {
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

    static List<Entry> decode(byte[] plain) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            int n = in.readInt();
            List<Entry> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                String nik = in.readUTF();
                String words = in.readUTF();
                String village = in.readUTF();
                // A kecamatan has a few dozen kelurahan codes: one copy each, not one per record.
                out.add(new Entry(id, nik, words.isEmpty() ? new String[0] : words.split(" "),
                        village.isEmpty() ? null : village.intern()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("search snapshot unreadable", e);
        }
    }

    private static Entry entry(String id, SummaryDoc doc) {
        return new Entry(id, doc.nik(), doc.fullName().toUpperCase(Locale.ROOT).split("[\\s.,'-]+"),
                doc.villageCode() == null ? null : doc.villageCode().intern());
    }

    private static Predicate<Entry> matcher(String query) {
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
}
