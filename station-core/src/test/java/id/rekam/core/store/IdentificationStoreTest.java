package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.FingerprintCapture;
import id.rekam.fixtures.DemoRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 1:N check's view of the store: each record's templates in a sealed row of their own,
 * written with the record; older stores get theirs extracted once; the index snapshot sealed in
 * a file and refused when it is not this store's.
 */
class IdentificationStoreTest {

    @TempDir
    Path dir;

    private final TestStores.MutableClock clock = new TestStores.MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
    private final DemoRecords demo = TestStores.demo(12);
    private StationStore store;
    private IdentificationStore identification;

    @BeforeEach
    void open() {
        store = TestStores.create(dir, TestStores.fastOptions(clock));
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        identification = store.identification();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Map<FingerPosition, byte[]> printsOf(EnrollmentRecord r) {
        Map<FingerPosition, byte[]> out = new EnumMap<>(FingerPosition.class);
        for (FingerprintCapture f : r.fingerprints()) {
            if (f.hasPrint()) {
                out.put(f.position(), f.template());
            }
        }
        return out;
    }

    private Map<String, EnrollmentRecord> commit(int n) {
        Map<String, EnrollmentRecord> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            EnrollmentRecord r = demo.next();
            store.saveEnrollment(r);
            out.put(r.id().value(), r);
        }
        return out;
    }

    @Test
    void everyCommitWritesTheRecordsTemplatesInASealedRowOfTheirOwn() throws Exception {
        Map<String, EnrollmentRecord> records = commit(7);
        assertThat(identification.commitCount()).isEqualTo(7);
        assertThat(identification.missing()).isZero();
        for (EnrollmentRecord r : records.values()) {
            assertThat(identification.templates(r.id().value())).containsOnlyKeys(printsOf(r).keySet())
                    .allSatisfy((p, t) -> assertThat(t).isEqualTo(printsOf(r).get(p)));
        }
        // The row is a few KB, not the ~80 KB packet body, and opens only under its own record id.
        try (Statement s = store.database().connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT record_id, sealed, (SELECT body_length FROM packets "
                     + "WHERE record_id = t.record_id) FROM fingerprint_templates t ORDER BY record_id LIMIT 2")) {
            rs.next();
            String first = rs.getString(1);
            byte[] sealed = rs.getBytes(2);
            assertThat((long) sealed.length).isLessThan(rs.getLong(3) / 10);
            rs.next();
            String second = rs.getString(1);
            TemplateSeal seal = new TemplateSeal(store.keys().data());
            assertThat(seal.open(first, sealed)).isNotEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> seal.open(second, sealed))
                    .isInstanceOf(id.rekam.core.crypto.DecryptionException.class);
        }
        assertThat(identification.templates("no-such-record")).isEmpty();
    }

    @Test
    void allRecordsAreReadPageByPageEachExactlyOnce() {
        Map<String, EnrollmentRecord> records = commit(11);
        List<String> seen = new ArrayList<>();
        Iterator<Map.Entry<String, Map<FingerPosition, byte[]>>> it = identification.all(4);
        while (it.hasNext()) {
            Map.Entry<String, Map<FingerPosition, byte[]>> e = it.next();
            seen.add(e.getKey());
            assertThat(e.getValue()).containsOnlyKeys(printsOf(records.get(e.getKey())).keySet());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(records.keySet()).isSorted();
        assertThat(identification.all(100).hasNext()).isTrue();
    }

    /** A store from before schema 10: its records' templates are extracted from their packets once, purged ones too. */
    @Test
    void olderRecordsGetTheirRowsExtractedOnceFromTheirPackets() throws Exception {
        Map<String, EnrollmentRecord> records = commit(5);
        String purged = records.keySet().iterator().next();
        store.captures().approve(List.of(records.get(purged).id()), "spv");
        store.outbox().startUpload(purged, URI.create("https://x/1"), "sync");
        store.outbox().markAcknowledged(purged, "sync");
        store.outbox().markConfirmed(purged, "sync");
        clock.advance(Duration.ofDays(40));
        assertThat(store.outbox().purgeConfirmed(Duration.ofDays(30), "sync")).isEqualTo(1);
        try (Statement s = store.database().connection().createStatement()) {
            s.executeUpdate("DELETE FROM fingerprint_templates");
        }
        assertThat(identification.missing()).isEqualTo(5);
        // Before the extraction every record still answers, from its packet.
        for (EnrollmentRecord r : records.values()) {
            assertThat(identification.templates(r.id().value())).containsOnlyKeys(printsOf(r).keySet());
        }
        AtomicInteger lastProgress = new AtomicInteger();
        assertThat(identification.extractMissing((done, total) -> {
            assertThat(total).isEqualTo(5);
            lastProgress.set(done);
        })).isEqualTo(5);
        assertThat(lastProgress).hasValue(5);
        assertThat(identification.missing()).isZero();
        assertThat(identification.extractMissing((d, t) -> { })).isZero();
        for (EnrollmentRecord r : records.values()) {
            Map<FingerPosition, byte[]> read = identification.templates(r.id().value());
            assertThat(read).containsOnlyKeys(printsOf(r).keySet())
                    .allSatisfy((p, t) -> assertThat(t).isEqualTo(printsOf(r).get(p)));
        }
        assertThat(store.auditTrail(1, 10_000)).filteredOn(e -> e.action().equals(AuditActions.TEMPLATES_EXTRACTED))
                .singleElement().satisfies(e -> assertThat(e.details()).contains("\"records\":5"));
    }

    @Test
    void theSnapshotIsSealedAndOpensOnlyForThisStationAndItsCommitCount() throws Exception {
        // more than two chunks, so order and completeness across chunks are exercised
        byte[] index = new byte[2 * id.rekam.core.crypto.SealedChunkOutput.CHUNK + 50_000];
        new java.util.Random(3).nextBytes(index);
        System.arraycopy("TRIANGLE-BUCKETS".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, index, 100, 16);
        assertThat(identification.openSnapshot()).isEmpty();
        assertThat(identification.writeSnapshot(index, 42)).isTrue();
        try (IdentificationStore.Snapshot read = identification.openSnapshot().orElseThrow()) {
            assertThat(read.commitCount()).isEqualTo(42);
            assertThat(read.index().readAllBytes()).isEqualTo(index);
        }
        Path file = dir.resolve(IdentificationStore.SNAPSHOT_FILE);
        List<byte[]> needles = new java.util.ArrayList<>();
        for (int at = 0; at + 32 <= index.length; at += 300_000) {
            needles.add(java.util.Arrays.copyOfRange(index, at, at + 32));
        }
        needles.add(java.util.Arrays.copyOfRange(index, 100, 132));
        assertThat(AtRestEncryptionTest.findNeedles(dir, needles)).as("the index bytes are nowhere in clear").isEmpty();
        assertThat(dir.resolve(IdentificationStore.SNAPSHOT_FILE + ".tmp")).doesNotExist();
        byte[] good = Files.readAllBytes(file);

        // Claiming another commit count breaks the seal: a stale snapshot cannot pass for a fresh one.
        byte[] raw = good.clone();
        java.nio.ByteBuffer.wrap(raw).putLong(4, 43);
        Files.write(file, raw);
        assertThat(readWhole()).isEmpty();
        // Flipped bits, a snapshot cut off at a chunk boundary or inside a chunk, chunks swapped,
        // and other stations' snapshots are refused too.
        raw = good.clone();
        raw[raw.length - 20] ^= 1;
        Files.write(file, raw);
        assertThat(readWhole()).isEmpty();
        int firstChunk = 12 + 4 + java.nio.ByteBuffer.wrap(good).getInt(12);
        int secondChunk = 4 + java.nio.ByteBuffer.wrap(good).getInt(firstChunk);
        Files.write(file, java.util.Arrays.copyOf(good, firstChunk + secondChunk));
        assertThat(readWhole()).as("cut off after two whole chunks").isEmpty();
        Files.write(file, java.util.Arrays.copyOf(good, good.length - 1));
        assertThat(readWhole()).isEmpty();
        raw = good.clone();
        System.arraycopy(good, firstChunk, raw, 12, secondChunk);
        System.arraycopy(good, 12, raw, 12 + secondChunk, firstChunk - 12);
        Files.write(file, raw);
        assertThat(readWhole()).as("the first two chunks swapped").isEmpty();
        raw = java.util.Arrays.copyOf(good, good.length + 1);
        Files.write(file, raw);
        assertThat(readWhole()).as("a byte after the last chunk").isEmpty();
        // A snapshot sealed whole by the previous format (magic "RKIX") is not opened: it is rebuilt.
        raw = good.clone();
        java.nio.ByteBuffer.wrap(raw).putInt(0, 0x524B4958);
        Files.write(file, raw);
        assertThat(identification.openSnapshot()).isEmpty();

        Path other = dir.resolve("other");
        try (StationStore second = StationStore.initialise(other, TestStores.PASSPHRASE, TestStores.STATION,
                TestStores.fastOptions(clock))) {
            second.identification().writeSnapshot(index, 42);
        }
        Files.copy(other.resolve(IdentificationStore.SNAPSHOT_FILE), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(readWhole()).isEmpty();
        Files.write(file, good);
        assertThat(readWhole()).contains(index);
        identification.deleteSnapshot();
        assertThat(file).doesNotExist();
    }

    /** The snapshot's bytes if it opens and reads to its end, else empty. */
    private java.util.Optional<byte[]> readWhole() {
        java.util.Optional<IdentificationStore.Snapshot> opened = identification.openSnapshot();
        if (opened.isEmpty()) {
            return java.util.Optional.empty();
        }
        try (IdentificationStore.Snapshot s = opened.get()) {
            return java.util.Optional.of(s.index().readAllBytes());
        } catch (java.io.IOException refused) {
            return java.util.Optional.empty();
        }
    }
}
