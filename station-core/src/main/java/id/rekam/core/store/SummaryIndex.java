package id.rekam.core.store;

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

/**
 * Decrypted search entries, newest first, loaded on the first search of a session (or by
 * {@link #warm()} right after unlock) and extended by every save. Summaries never change once
 * written, so entries never go stale. Plaintext in heap, as on the screen: the threat this store
 * addresses is data at rest.
 *
 * <p>Each entry is one byte array ({@link PackedEntry}: the NIK as 8 bytes of packed decimal,
 * the upper-cased name words as Latin-1 chars with their lengths, the UUID as 16 bytes, the
 * kelurahan code as a number in {@link VillageCodes}); a search scans those bytes
 * ({@link SearchQuery}) and makes strings only of the ids it returns. As records, strings and
 * arrays the index took ≈300 bytes per record (≈35–40 MB of heap at 100,000 records with the
 * station's names); packed it takes ≈70, and a full scan is no slower than over the strings
 * ({@code SummaryIndexFootprintTest}).
 *
 * <p>Loading 100,000 summaries one AES-GCM open and one JSON parse at a time took 2.7–2.9 s in a
 * fresh JVM. The index is therefore also kept as a <em>sealed snapshot</em>: its packed entries
 * ({@link SnapshotChunk}), in chunks of {@link #CHUNK} sealed under the data key (AAD = chunk number +
 * "search-snapshot"), written when the store closes and by the warm-up after unlock when many
 * records were missing from it (never on a search: that must answer). A load opens the chunks (a
 * few large AES-GCM calls the JIT handles at once) and copies their entries, then reads only the
 * summaries committed after the snapshot. A snapshot in another format (the first
 * one held strings) is ignored: the load reads every summary and the snapshot is rewritten. The
 * snapshot holds exactly what the summaries hold, sealed the same way, so it reveals nothing more
 * at rest.
 */
final class SummaryIndex {

    /** Entries per sealed snapshot chunk. */
    static final int CHUNK = 4096;
    /** Records missing from the snapshot after which a load rewrites it at once. */
    static final int REWRITE_AFTER = 2000;
    static final String SNAPSHOT = "search-snapshot";

    /** One entry's fields as strings: what {@link PackedEntry} packs and what tests read back. */
    record Entry(String id, String nik, String[] nameWords, String villageCode) {

        byte[] pack(VillageCodes villages) {
            return PackedEntry.pack(id, nik, nameWords, villages.number(villageCode));
        }

        static Entry unpack(byte[] e, VillageCodes villages) {
            return new Entry(PackedEntry.id(e), PackedEntry.nik(e), PackedEntry.nameWords(e),
                    villages.code(PackedEntry.village(e)));
        }
    }

    private final Database db;
    private final SummarySeal summaries;
    private final VillageCodes villages = new VillageCodes();
    private PackedEntries entries;
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
        return SearchQuery.of(query).matching(entries(), limit);
    }

    /** Kelurahan code per record id, for coverage counts. */
    synchronized Map<String, String> villages() {
        PackedEntries all = entries();
        Map<String, String> out = new HashMap<>(all.size() * 2);
        for (int i = 0, n = all.size(); i < n; i++) {
            byte[] e = all.newest(i);
            out.put(PackedEntry.id(e), villages.code(PackedEntry.village(e)));
        }
        return out;
    }

    /** A record just committed; only recorded once the index has been loaded. */
    synchronized void added(String id, SummaryDoc doc) {
        if (entries != null) {
            entries.addNewest(entry(id, doc).pack(villages));
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

    private PackedEntries entries() {
        if (entries == null) {
            entries = db.read(this::load);
        }
        return entries;
    }

    private PackedEntries load(Connection c) throws SQLException {
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
        List<List<byte[]>> opened = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < chunks.size(); i++) {
            opened.add(null);
        }
        // Two cores open two chunks at a time; the chunk number is their order.
        java.util.stream.IntStream.range(0, chunks.size()).parallel()
                .forEach(i -> opened.set(i, SnapshotChunk.read(summaries.openSnapshot(i, chunks.get(i)), villages)));
        if (opened.contains(null)) {
            // A snapshot of an older format: read every summary; it is rewritten like a stale one.
            opened.clear();
            upto = 0;
        }
        List<byte[]> newer = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT id, summary FROM records WHERE rowid > ? ORDER BY committed_at DESC, rowid DESC")) {
            p.setLong(1, upto);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    newer.add(entry(id, summaries.open(id, rs.getBytes(2))).pack(villages));
                }
            }
        }
        unsnapshotted = newer.size();
        // Newest first: the summaries after the snapshot, then the chunks in order; held oldest first.
        int total = newer.size() + opened.stream().mapToInt(List::size).sum();
        PackedEntries out = new PackedEntries(total + total / 16);
        for (int i = opened.size() - 1; i >= 0; i--) {
            addOldestFirst(out, opened.get(i));
        }
        addOldestFirst(out, newer);
        return out;
    }

    private static void addOldestFirst(PackedEntries out, List<byte[]> newestFirst) {
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            out.addNewest(newestFirst.get(i));
        }
    }

    private void writeSnapshot() {
        PackedEntries all = entries;
        int count = all.size();
        List<byte[]> sealed = new ArrayList<>();
        for (int from = 0, chunk = 0; from < count; from += CHUNK, chunk++) {
            List<byte[]> part = new ArrayList<>(CHUNK);
            for (int i = from; i < Math.min(count, from + CHUNK); i++) {
                part.add(all.newest(i));
            }
            sealed.add(summaries.sealSnapshot(chunk, SnapshotChunk.write(part, villages)));
        }
        db.inTransaction(c -> {
            long upto;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT coalesce(max(rowid), 0), count(*) FROM records")) {
                rs.next();
                upto = rs.getLong(1);
                if (rs.getLong(2) != count) {
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

    /** The fields a search reads from a summary: name upper-cased once and split into words. */
    static Entry entry(String id, SummaryDoc doc) {
        return new Entry(id, doc.nik(), doc.fullName().toUpperCase(Locale.ROOT).split("[\\s.,'-]+"),
                doc.villageCode());
    }
}
