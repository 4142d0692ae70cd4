package id.rekam.core.store;

import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.Gender;
import id.rekam.core.domain.Nik;
import id.rekam.fixtures.DemoRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sealed snapshot of the search index: written on close, read back with what came after it. */
class SearchSnapshotTest {

    @TempDir
    Path dir;

    private static int chunks(StationStore store) {
        return store.database().read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM search_snapshot")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void searchesAfterReopeningFindOldAndNewRecordsNewestFirst() {
        DemoRecords demo = TestStores.demo(33);
        List<EnrollmentRecord> saved = new ArrayList<>();
        int n = SummaryIndex.CHUNK + 10; // two chunks
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            for (int i = 0; i < 5; i++) {
                EnrollmentRecord r = demo.next();
                saved.add(r);
                store.saveEnrollment(r);
            }
            summariesOnly(store, n - 5);
            assertThat(chunks(store)).as("no snapshot before the index is loaded").isZero();
            store.warmSearchIndex();
        }
        try (StationStore store = StationStore.open(dir, TestStores.PASSPHRASE, TestStores.fastOptions())) {
            assertThat(chunks(store)).isEqualTo(2);
            EnrollmentRecord later = demo.next();
            store.saveEnrollment(later);
            assertThat(store.search(later.demographics().nik().value(), 5)).singleElement()
                    .satisfies(s -> assertThat(s.id()).isEqualTo(later.id()));
        }
        try (StationStore store = StationStore.open(dir, TestStores.PASSPHRASE, TestStores.fastOptions())) {
            List<RecordSummary> all = store.search("", n + 5);
            assertThat(all).hasSize(n + 1);
            assertThat(all.get(0).nik()).isEqualTo(store.findSummary(all.get(0).id()).orElseThrow().nik());
            List<RecordSummary> recent = store.listRecent(0, n + 1);
            assertThat(all).extracting(RecordSummary::id).as("newest first, as the list")
                    .containsExactlyElementsOf(recent.stream().map(RecordSummary::id).toList());
            assertThat(store.search("WARGA KE 4100", 5)).extracting(s -> s.id().value()).containsExactly(bulkId(4100));
            EnrollmentRecord first = saved.get(0);
            String surname = first.demographics().fullName().split(" ")[0];
            assertThat(store.search(surname, n + 5)).extracting(RecordSummary::id).contains(first.id());
            assertThat(store.search(first.demographics().nik().value().substring(4, 12), 5))
                    .extracting(RecordSummary::id).contains(first.id());
        }
    }

    @Test
    void aSnapshotOfTheFirstFormatIsIgnoredAndRewritten() {
        DemoRecords demo = TestStores.demo(34);
        EnrollmentRecord saved = demo.next();
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            store.saveEnrollment(saved);
            summariesOnly(store, 10);
            // What the index before packed entries wrote: strings, no format number; here a
            // record that does not exist, covering every row.
            byte[] v1 = StringSearchReference.encodeV1(List.of(new StringSearchReference.Entry(
                    bulkId(999), "3276019999999999", new String[] {"GHOST"}, "32.76.01.1001")));
            store.inTransaction(tx -> {
                try (Statement s = tx.connection().createStatement()) {
                    s.executeUpdate("DELETE FROM search_snapshot");
                }
                try (java.sql.PreparedStatement p = tx.connection().prepareStatement(
                        "INSERT INTO search_snapshot (chunk, upto_rowid, sealed) "
                                + "VALUES (0, (SELECT max(rowid) FROM records), ?)")) {
                    p.setBytes(1, tx.seal(v1, "0", SummaryIndex.SNAPSHOT));
                    p.executeUpdate();
                }
                return null;
            });
        }
        try (StationStore store = StationStore.open(dir, TestStores.PASSPHRASE, TestStores.fastOptions())) {
            assertThat(store.search("ghost", 5)).isEmpty();
            assertThat(store.search("", 100)).hasSize(11);
            assertThat(store.search("warga ke 7", 5)).extracting(s -> s.id().value()).containsExactly(bulkId(7));
            assertThat(store.search(saved.demographics().nik().value(), 5)).extracting(RecordSummary::id)
                    .containsExactly(saved.id());
        }
        try (StationStore store = StationStore.open(dir, TestStores.PASSPHRASE, TestStores.fastOptions())) {
            assertThat(chunks(store)).as("rewritten as the store closed").isEqualTo(1);
            byte[] plain = store.inTransaction(tx -> {
                try (Statement s = tx.connection().createStatement();
                     ResultSet rs = s.executeQuery("SELECT sealed FROM search_snapshot WHERE chunk = 0")) {
                    rs.next();
                    return tx.open(rs.getBytes(1), "0", SummaryIndex.SNAPSHOT);
                }
            });
            assertThat(java.nio.ByteBuffer.wrap(plain).getInt()).isEqualTo(SnapshotChunk.MAGIC);
            assertThat(SnapshotChunk.read(plain, new VillageCodes())).hasSize(11);
            assertThat(store.search("warga ke 7", 5)).extracting(s -> s.id().value()).containsExactly(bulkId(7));
            assertThat(store.search(saved.demographics().fullName(), 5)).extracting(RecordSummary::id)
                    .containsExactly(saved.id());
        }
    }

    private static String bulkId(int i) {
        return new java.util.UUID(0x1234L, i).toString();
    }

    /** Summary rows as a capture seals them, without 228 KB payloads: n records in a second. */
    private static void summariesOnly(StationStore store, int n) {
        store.inTransaction(tx -> {
            try (java.sql.PreparedStatement r = tx.connection().prepareStatement("INSERT INTO records "
                    + "(id, nik_bidx, summary, operator_id, captured_at, committed_at) VALUES (?,?,?,?,?,?)");
                 java.sql.PreparedStatement p = tx.connection().prepareStatement("INSERT INTO packets (id, record_id, "
                         + "kind, sha256, signature, body_length, body, created_at) VALUES (?,?,'enrollment',?,?,1,?,?)");
                 java.sql.PreparedStatement o = tx.connection().prepareStatement(
                         "INSERT INTO outbox (packet_id, state, state_since) VALUES (?, 'CAPTURED', ?)")) {
                for (int i = 0; i < n; i++) {
                    String rid = bulkId(i);
                    Nik nik = Nik.of(String.format(java.util.Locale.ROOT,
                            "327601%02d%02d%02d%04d", 1 + i % 28, 1 + (i / 28) % 12, (i / 336) % 100, 1 + i / 33_600));
                    r.setString(1, rid);
                    r.setBytes(2, tx.nikIndex(nik));
                    r.setBytes(3, tx.sealSummary(rid, nik, "WARGA KE " + i, java.time.LocalDate.of(1990, 1, 1),
                            Gender.PEREMPUAN, "32.76.01.1001"));
                    r.setString(4, "bulk");
                    r.setString(5, "2026-01-01T00:00:00Z");
                    r.setLong(6, i);
                    r.addBatch();
                    p.setString(1, rid);
                    p.setString(2, rid);
                    p.setString(3, "0".repeat(64));
                    p.setBytes(4, new byte[64]);
                    p.setBytes(5, tx.sealPacketBody(rid, new byte[1]));
                    p.setLong(6, i);
                    p.addBatch();
                    o.setString(1, rid);
                    o.setLong(2, i);
                    o.addBatch();
                }
                r.executeBatch();
                p.executeBatch();
                o.executeBatch();
            }
            return null;
        });
    }

    @Test
    void snapshotChunksRoundTripAndAreBoundToTheirNumber() {
        VillageCodes codes = new VillageCodes();
        List<byte[]> entries = List.of(
                new SummaryIndex.Entry("R-1", "3276010101900001", new String[] {"SITI", "AMINAH"}, "32.76.01.1001").pack(codes),
                new SummaryIndex.Entry("R-2", "3276010101900002", new String[] {"BUDI"}, null).pack(codes));
        // Read back in another session, whose kelurahan numbering is its own.
        VillageCodes later = new VillageCodes();
        later.number("32.76.02.2002");
        List<SummaryIndex.Entry> back = SnapshotChunk.read(SnapshotChunk.write(entries, codes), later).stream()
                .map(e -> SummaryIndex.Entry.unpack(e, later)).toList();
        assertThat(back).hasSize(2);
        assertThat(back.get(0).id()).isEqualTo("R-1");
        assertThat(back.get(0).nik()).isEqualTo("3276010101900001");
        assertThat(back.get(0).nameWords()).containsExactly("SITI", "AMINAH");
        assertThat(back.get(0).villageCode()).isEqualTo("32.76.01.1001");
        assertThat(back.get(1).villageCode()).isNull();

        SummarySeal seal = new SummarySeal(new id.rekam.core.crypto.Aead(new byte[32]));
        byte[] sealed = seal.sealSnapshot(0, SnapshotChunk.write(entries, codes));
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("SITI");
        assertThat(SnapshotChunk.read(seal.openSnapshot(0, sealed), codes)).hasSize(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> seal.openSnapshot(1, sealed))
                .isInstanceOf(id.rekam.core.crypto.DecryptionException.class);
    }
}
