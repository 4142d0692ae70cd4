package id.rekam.app.adapters.identification;

import id.rekam.app.ports.FingerprintIdentification;
import id.rekam.app.testing.SyntheticRecords;
import id.rekam.app.testing.TestStation;
import id.rekam.core.commit.ApprovalMode;
import id.rekam.core.commit.CaptureCommit;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.identification.DuplicatePolicy;
import id.rekam.core.store.IdentificationStore;
import id.rekam.core.store.StationStore;
import id.rekam.fixtures.DemoRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The station's index over its own store: restored from the sealed snapshot it wrote, identical
 * to what a rebuild from the sealed templates makes; rebuilt when the snapshot is stale,
 * tampered or missing; nothing of it, nor of the templates, in clear in any file.
 */
class StationIndexTest {

    @TempDir
    Path dir;
    private final DemoRecords demo = new DemoRecords(31, "32.76.01.1008", TestStation.STATION_ID);
    private StationStore store;
    private final List<StationIndex> opened = new ArrayList<>();

    @BeforeEach
    void create() {
        store = StationStore.initialise(dir, TestStation.PASSPHRASE.toCharArray(), TestStation.STATION_ID,
                TestStation.fastStore());
        store.operators().createFirstSupervisor("spv1", "sandi-spv-1".toCharArray());
    }

    @AfterEach
    void close() {
        opened.forEach(StationIndex::close);
        store.close();
    }

    private StationIndex open() throws InterruptedException {
        StationIndex index = StationIndex.open(store.identification());
        opened.add(index);
        assertThat(index.awaitReady(2, TimeUnit.MINUTES)).isTrue();
        return index;
    }

    private EnrollmentRecord person(long person, int visit) {
        return SyntheticRecords.person(demo.next(), "spv1", person, visit);
    }

    /** As the desk commits: the record joins the index once its transaction committed. */
    private void commit(StationIndex index, EnrollmentRecord r) {
        index.committing(r.id(), StationIndex.prints(r),
                () -> store.captures().commit(CaptureCommit.of(r, ApprovalMode.END_OF_DAY)));
    }

    private static FingerprintIdentification.Result check(StationIndex index, EnrollmentRecord r)
            throws InterruptedException {
        return index.identify(r, new FingerprintIdentification.Listener() {
        });
    }

    @Test
    void theSealedSnapshotRestoresTheIndexARebuildMakesAndAStaleOrTamperedOneIsRebuilt() throws Exception {
        StationIndex first = open();
        assertThat(first.origin()).isEqualTo(StationIndex.Origin.REBUILT);
        for (long p = 1; p <= 4; p++) {
            commit(first, person(p, 0));
        }
        byte[] built = first.snapshotBytes();
        first.close();
        Path file = dir.resolve(IdentificationStore.SNAPSHOT_FILE);
        assertThat(file).exists();

        StationIndex restored = open();
        assertThat(restored.origin()).isEqualTo(StationIndex.Origin.SNAPSHOT);
        assertThat(restored.snapshotBytes()).isEqualTo(built);
        assertThat(check(restored, person(2, 1)).verdict()).isEqualTo(DuplicatePolicy.Verdict.POSSIBLE_DUPLICATE);
        byte[] sealed = Files.readAllBytes(file);
        restored.close();
        assertThat(Files.readAllBytes(file)).as("nothing committed: the snapshot is left as it was").isEqualTo(sealed);

        Files.delete(file);
        StationIndex rebuilt = open();
        assertThat(rebuilt.origin()).isEqualTo(StationIndex.Origin.REBUILT);
        assertThat(rebuilt.snapshotBytes()).as("a rebuild from the sealed templates gives the same index").isEqualTo(built);
        rebuilt.close();

        // A record committed by something that does not feed the index (another tool): the snapshot is stale.
        EnrollmentRecord behindItsBack = person(5, 0);
        store.captures().commit(CaptureCommit.of(behindItsBack, ApprovalMode.END_OF_DAY));
        StationIndex stale = open();
        assertThat(stale.origin()).isEqualTo(StationIndex.Origin.REBUILT);
        assertThat(stale.people()).isEqualTo(5);
        assertThat(check(stale, person(5, 1)).candidates()).extracting(FingerprintIdentification.Candidate::id)
                .contains(behindItsBack.id());
        stale.close();

        byte[] tampered = Files.readAllBytes(file);
        tampered[tampered.length / 2] ^= 0x40;
        Files.write(file, tampered);
        StationIndex afterTamper = open();
        assertThat(afterTamper.origin()).isEqualTo(StationIndex.Origin.REBUILT);
        assertThat(afterTamper.people()).isEqualTo(5);
    }

    /**
     * A snapshot that cannot be restored — cut off, or sealed correctly around bytes that are not
     * an index (as a failed or out-of-memory restore leaves things) — falls back to a rebuild from
     * the sealed templates in the same unlock: duplicates are still found, and the next unlock
     * restores the snapshot the rebuild sealed.
     */
    @Test
    void aSnapshotThatCannotBeRestoredIsRebuiltAndDuplicatesAreStillFound() throws Exception {
        StationIndex first = open();
        List<EnrollmentRecord> stored = new ArrayList<>();
        for (long p = 31; p <= 34; p++) {
            EnrollmentRecord r = person(p, 0);
            commit(first, r);
            stored.add(r);
        }
        byte[] built = first.snapshotBytes();
        first.close();
        Path file = dir.resolve(IdentificationStore.SNAPSHOT_FILE);
        byte[] good = Files.readAllBytes(file);

        Files.write(file, Arrays.copyOf(good, good.length * 2 / 3));
        StationIndex afterCut = open();
        assertThat(afterCut.origin()).isEqualTo(StationIndex.Origin.REBUILT);
        assertThat(afterCut.snapshotBytes()).isEqualTo(built);
        FingerprintIdentification.Result found = check(afterCut, person(33, 1));
        assertThat(found.verdict()).isEqualTo(DuplicatePolicy.Verdict.POSSIBLE_DUPLICATE);
        assertThat(found.candidates().get(0).id()).isEqualTo(stored.get(2).id());
        afterCut.close();

        store.identification().writeSnapshot(Arrays.copyOf(built, built.length / 2), store.identification().commitCount());
        StationIndex afterGarbage = open();
        assertThat(afterGarbage.origin()).isEqualTo(StationIndex.Origin.REBUILT);
        assertThat(check(afterGarbage, person(31, 1)).candidates()).extracting(FingerprintIdentification.Candidate::id)
                .containsExactly(stored.get(0).id());
        afterGarbage.close();

        StationIndex next = open();
        assertThat(next.origin()).as("the rebuild sealed a good snapshot").isEqualTo(StationIndex.Origin.SNAPSHOT);
        assertThat(next.snapshotBytes()).isEqualTo(built);
    }

    @Test
    void aCheckStartedWhileTheIndexIsBuiltWaitsForItAndFindsEveryRecord() throws Exception {
        List<EnrollmentRecord> stored = new ArrayList<>();
        for (long p = 11; p <= 13; p++) {
            EnrollmentRecord r = person(p, 0);
            store.captures().commit(CaptureCommit.of(r, ApprovalMode.END_OF_DAY));
            stored.add(r);
        }
        StationIndex index = StationIndex.open(store.identification());
        opened.add(index);
        // No wait here: the check itself waits for the build.
        FingerprintIdentification.Result result = check(index, person(13, 1));
        assertThat(result.verdict()).isEqualTo(DuplicatePolicy.Verdict.POSSIBLE_DUPLICATE);
        assertThat(result.candidates().get(0).id()).isEqualTo(stored.get(2).id());
        assertThat(index.status().ready()).isTrue();
        assertThat(index.status().done()).isEqualTo(3);
    }

    /** Issue 12: the templates' own rows, the index snapshot and the backups hold nothing of the prints in clear. */
    @Test
    void nothingAboutFingerprintsIsInClearInAnyFileTheStationWrites() throws Exception {
        StationIndex index = open();
        List<byte[]> needles = new ArrayList<>();
        for (long p = 21; p <= 23; p++) {
            EnrollmentRecord r = person(p, 0);
            commit(index, r);
            for (byte[] t : StationIndex.prints(r).values()) {
                // From the middle of the template: its minutiae, not SourceAFIS's common header.
                needles.add(Arrays.copyOfRange(t, t.length / 2, t.length / 2 + 24));
            }
        }
        byte[] plain = index.snapshotBytes();
        for (int at = plain.length / 8; at + 32 < plain.length; at += plain.length / 8) {
            needles.add(Arrays.copyOfRange(plain, at, at + 32));
        }
        index.close();
        store.backupNow();
        assertThat(dir.resolve(IdentificationStore.SNAPSHOT_FILE)).exists();
        assertThat(found(needles)).isEmpty();

        // The scan would see them: planted in clear, each is found.
        Files.write(dir.resolve("leak.bin"), concat(needles.get(0), needles.get(needles.size() - 1)));
        assertThat(found(needles)).hasSize(2);
    }

    private List<String> found(List<byte[]> needles) throws IOException {
        List<String> hits = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            byte[] data = Files.readAllBytes(f);
            for (byte[] n : needles) {
                if (indexOf(data, n) >= 0) {
                    hits.add(f.getFileName().toString());
                }
            }
        }
        return hits;
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
