package id.rekam.core.export;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.field.FieldFacts;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.crypto.PacketSeal;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.TestStores;
import id.rekam.fixtures.DemoRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafetyBundlesTest {

    private static final char[] TEAM_PASS = "tim-keliling-tapos-2026".toCharArray();

    @TempDir
    Path dir;

    private final TestStores.MutableClock clock = new TestStores.MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
    private final DemoRecords demo = TestStores.demo(61);
    private StationStore store;
    private Path stick;
    private SafetyBundles bundles;
    /** The pinned server's packet key pair {private, public}: bundles carry packets sealed to it. */
    private byte[][] server;

    @BeforeEach
    void open() throws Exception {
        store = TestStores.create(dir.resolve("station"), TestStores.fastOptions(clock));
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        stick = Files.createDirectories(dir.resolve("usb"));
        server = TestStores.pinServer(store);
        bundles = new SafetyBundles(store, clock, () -> "{\"rows\":[]}".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String capture(boolean approve) {
        clock.advance(Duration.ofSeconds(1));
        String id = store.saveEnrollment(demo.next()).packetId();
        if (approve) {
            store.outbox().approve(List.of(id), "spv");
            store.outbox().enqueue(List.of(id), "spv");
        }
        return id;
    }

    private Map<OutboxState, Long> states() {
        return store.outbox().countByState();
    }

    @Test
    void copiesEveryUnconfirmedRecordWithoutChangingItsStateAndShowsProgress() throws Exception {
        List<String> queued = List.of(capture(true), capture(true), capture(true));
        String unapproved = capture(false);
        Map<OutboxState, Long> before = states();
        List<String> progress = new ArrayList<>();

        SafetyBundles.Result r = bundles.write(stick, TEAM_PASS, "op1", (done, total) -> progress.add(done + "/" + total));

        assertThat(r.written()).isEqualTo(4);
        assertThat(r.unapproved()).isEqualTo(1);
        assertThat(progress).containsExactly("0/5", "1/5", "2/5", "3/5", "4/5", "5/5");
        assertThat(states()).as("a safety copy changes no record's state").isEqualTo(before);
        assertThat(store.outbox().deliverable(10)).extracting(e -> e.packetId()).containsExactlyElementsOf(queued);
        FieldFacts f = store.fieldFacts();
        assertThat(f.withoutSafetyCopy()).isZero();
        assertThat(store.auditTrail(1, 10_000)).filteredOn(e -> e.action().equals(AuditActions.SAFETY_BUNDLE_WRITTEN))
                .singleElement().satisfies(e -> assertThat(e.subject()).isEqualTo(r.bundleId()));

        ExportBundle b = ExportBundle.open(r.bundle());
        b.verify(store.stationPublicKey());
        b.unlock(TEAM_PASS);
        assertThat(b.manifest().purposeOrDefault()).isEqualTo(ExportManifest.SAFETY);
        assertThat(b.packets()).filteredOn(i -> !i.isApproved()).extracting(ExportManifest.PacketItem::packetId)
                .containsExactly(unapproved);
        for (ExportManifest.PacketItem item : b.packets()) {
            // Sealed to the server: even the team passphrase does not open what is inside.
            byte[] sealed = b.packet(item);
            assertThat(PacketSeal.isSealed(sealed)).isTrue();
            assertThat(PacketSeal.open(sealed, item.packetId(), server[0], server[1]))
                    .isEqualTo(store.outbox().readPacket(item.packetId()).body());
        }
        assertThat(new String(b.tallyJson().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{\"rows\":[]}");
    }

    @Test
    void isIncrementalPerMediaAndRepeatsNothingAlreadyThere() throws Exception {
        capture(true);
        capture(true);
        SafetyBundles.Result first = bundles.write(stick, TEAM_PASS, "op1", (d, t) -> { });
        String third = capture(true);
        clock.advance(Duration.ofMinutes(5));

        SafetyBundles.Result second = bundles.write(stick, TEAM_PASS, "op1", (d, t) -> { });

        assertThat(second.written()).isEqualTo(1);
        assertThat(second.alreadyOnMedia()).isEqualTo(2);
        ExportBundle b = ExportBundle.open(second.bundle());
        b.verify(store.stationPublicKey());
        assertThat(b.manifest().previous()).containsExactly(first.bundleId());
        assertThat(b.manifest().packets()).extracting(ExportManifest.PacketItem::packetId).containsExactly(third);

        assertThat(bundles.write(stick, TEAM_PASS, "op1", (d, t) -> { }).bundle())
                .as("nothing new: no bundle").isNull();
        Path otherStick = Files.createDirectories(dir.resolve("usb2"));
        assertThat(bundles.write(otherStick, TEAM_PASS, "op1", (d, t) -> { }).written())
                .as("another stick gets everything").isEqualTo(3);
    }

    @Test
    void aTamperedOrForeignBundleIsRefused() throws Exception {
        capture(true);
        SafetyBundles.Result r = bundles.write(stick, TEAM_PASS, "op1", (d, t) -> { });
        Path manifest = r.bundle().resolve(PendingExport.MANIFEST);

        // Another station's key: foreign.
        try (StationStore other = StationStore.initialise(dir.resolve("other"), TestStores.PASSPHRASE, "ST-99",
                TestStores.fastOptions(clock))) {
            assertThatThrownBy(() -> ExportBundle.open(r.bundle()).verify(other.stationPublicKey()))
                    .isInstanceOf(ExportException.class)
                    .satisfies(e -> assertThat(((ExportException) e).problem())
                            .isEqualTo(ExportException.Problem.BAD_SIGNATURE));
        }
        // One byte of a packet file changed: the file hash in the signed manifest no longer matches.
        Path packet = r.bundle().resolve("packets/000001.bin");
        byte[] bytes = Files.readAllBytes(packet);
        bytes[bytes.length / 2] ^= 1;
        Files.write(packet, bytes);
        ExportBundle b = ExportBundle.open(r.bundle());
        b.verify(store.stationPublicKey());
        b.unlock(TEAM_PASS);
        assertThatThrownBy(() -> b.packet(b.packets().get(0)))
                .isInstanceOf(ExportException.class).hasMessageContaining("differs from the signed manifest");
        // The manifest edited: its signature fails.
        Files.writeString(manifest, Files.readString(manifest).replace("\"safety\"", "\"export\""));
        assertThatThrownBy(() -> ExportBundle.open(r.bundle()).verify(store.stationPublicKey()))
                .isInstanceOf(ExportException.class).hasMessageContaining("not signed by station");
        // A wrong passphrase is told apart from tampering.
        capture(true);
        SafetyBundles.Result again = bundles.write(dir.resolve("usb3"), TEAM_PASS, "op1", (d, t) -> { });
        ExportBundle c = ExportBundle.open(again.bundle());
        c.verify(store.stationPublicKey());
        assertThatThrownBy(() -> c.unlock("bukan-frasa-yang-benar".toCharArray()))
                .satisfies(e -> assertThat(((ExportException) e).problem())
                        .isEqualTo(ExportException.Problem.WRONG_PASSPHRASE));
    }

    @Test
    void refusesAWeakPassphraseAndAnUnwritableTarget() throws Exception {
        capture(true);
        assertThatThrownBy(() -> bundles.write(stick, "pendek".toCharArray(), "op1", (d, t) -> { }))
                .satisfies(e -> assertThat(((ExportException) e).problem())
                        .isEqualTo(ExportException.Problem.WEAK_PASSPHRASE));
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> bundles.write(file, TEAM_PASS, "op1", (d, t) -> { }))
                .satisfies(e -> assertThat(((ExportException) e).problem())
                        .isEqualTo(ExportException.Problem.TARGET_NOT_WRITABLE));
        assertThat(store.fieldFacts().withoutSafetyCopy()).isEqualTo(1);
    }
}
