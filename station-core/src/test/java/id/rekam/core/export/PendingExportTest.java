package id.rekam.core.export;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.crypto.PacketSeal;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.TestStores;
import id.rekam.fixtures.DemoRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PendingExportTest {

    private static final char[] EXPORT_PASS = "ekspor-kronjo-2026".toCharArray();

    @TempDir
    Path dir;

    private final TestStores.MutableClock clock = new TestStores.MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
    private final DemoRecords demo = TestStores.demo(7);
    private StationStore store;
    private Path stick;
    /** The central server's packet key pair (private, public): only it opens what the bundle carries. */
    private byte[][] server;

    @BeforeEach
    void open() throws IOException {
        store = TestStores.create(dir.resolve("station"), TestStores.fastOptions(clock));
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        stick = Files.createDirectories(dir.resolve("usb"));
        server = TestStores.pinServer(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String capture() {
        clock.advance(Duration.ofSeconds(1));
        return store.saveEnrollment(demo.next()).packetId();
    }

    /** One packet in each exportable state, one unapproved, one confirmed, one pending event. */
    private List<String> mixedOutbox() {
        List<String> exportable = new ArrayList<>();
        String approved = capture();
        store.outbox().approve(List.of(approved), "spv");
        exportable.add(approved);
        String queued = capture();
        store.outbox().approve(List.of(queued), "spv");
        store.outbox().enqueue(List.of(queued), "spv");
        exportable.add(queued);
        String uploading = capture();
        store.outbox().approve(List.of(uploading), "spv");
        store.outbox().enqueue(List.of(uploading), "spv");
        store.outbox().startUpload(uploading, URI.create("https://pusat.example/v1/uploads/x"), "sync");
        exportable.add(uploading);
        String confirmed = capture();
        store.outbox().approve(List.of(confirmed), "spv");
        store.outbox().enqueue(List.of(confirmed), "spv");
        store.outbox().startUpload(confirmed, URI.create("https://pusat.example/v1/uploads/y"), "sync");
        store.outbox().markAcknowledged(confirmed, "sync");
        store.outbox().markConfirmed(confirmed, "sync");
        capture(); // left CAPTURED: no supervisor approved it
        store.events().append("card.handed-over", "{\"card\":\"K-1\"}", "spv");
        return exportable;
    }

    @Test
    void exportsEveryApprovedPendingPacketEncryptedAndMarksThemExported() throws Exception {
        List<String> exportable = mixedOutbox();
        List<Integer> progress = new ArrayList<>();

        PendingExport.Result r = new PendingExport(store, clock).export(stick, EXPORT_PASS, "tek1",
                (done, total) -> progress.add(done));

        assertThat(r.packets()).isEqualTo(3);
        assertThat(r.events()).isEqualTo(1);
        assertThat(r.unapproved()).isEqualTo(1);
        assertThat(progress).containsExactly(0, 1, 2, 3, 4);
        for (String id : exportable) {
            assertThat(store.outbox().entry(id).orElseThrow().state()).isEqualTo(OutboxState.EXPORTED);
            assertThat(store.outbox().entry(id).orElseThrow().uploadUrl()).isNull();
        }
        assertThat(store.outbox().countByState().get(OutboxState.CAPTURED)).isEqualTo(1);
        assertThat(store.outbox().countByState().get(OutboxState.CONFIRMED)).isEqualTo(1);
        assertThat(store.counters().waitingForSync()).as("exported records still wait for the server's word")
                .isEqualTo(3);
        List<AuditEntry> audit = store.auditTrail(1, 10_000);
        assertThat(audit).filteredOn(e -> e.action().equals(AuditActions.OUTBOX_TRANSITION)
                && e.details().contains("\"to\":\"EXPORTED\"") && e.details().contains(r.bundleId())).hasSize(3);
        assertThat(audit).filteredOn(e -> e.action().equals(AuditActions.RECORDS_EXPORTED))
                .singleElement().satisfies(e -> assertThat(e.subject()).isEqualTo(r.bundleId()));

        // Nothing on the stick is readable: no packet magic, no JSON of a record, nothing partial.
        try (Stream<Path> files = Files.walk(stick)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(text).doesNotContain("RKPKT").doesNotContain("card.handed-over").doesNotContain("K-1");
            }
        }
        assertThat(stick.resolve(r.bundleId())).isEqualTo(r.bundle());
        try (Stream<Path> top = Files.list(stick)) {
            assertThat(top).containsExactly(r.bundle());
        }

        ExportBundle b = ExportBundle.open(r.bundle());
        b.verify(store.stationPublicKey());
        b.unlock(EXPORT_PASS);
        assertThat(b.packets()).extracting(ExportManifest.PacketItem::packetId).containsExactlyElementsOf(exportable);
        for (ExportManifest.PacketItem item : b.packets()) {
            byte[] sealed = b.packet(item);
            // Even with the export passphrase the packet is sealed: only the server's key opens it.
            assertThat(PacketSeal.isSealed(sealed)).isTrue();
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("RKPKT");
            byte[] inner = PacketSeal.open(sealed, item.packetId(), server[0], server[1]);
            assertThat(PacketCodec.sha256Hex(inner)).isEqualTo(store.outbox().readPacket(item.packetId()).sha256())
                    .isEqualTo(item.contentSha256());
        }
        assertThat(new String(b.eventsJson(), StandardCharsets.UTF_8)).contains("card.handed-over", "\"K-1\"");
    }

    @Test
    void wrongPassphraseAndTamperingAreToldApart() throws Exception {
        mixedOutbox();
        PendingExport.Result r = new PendingExport(store, clock).export(stick, EXPORT_PASS, "tek1", (d, t) -> { });

        ExportBundle wrong = ExportBundle.open(r.bundle());
        wrong.verify(store.stationPublicKey());
        assertThatThrownBy(() -> wrong.unlock("bukan-frasa-yang-benar".toCharArray()))
                .isInstanceOfSatisfying(ExportException.class,
                        e -> assertThat(e.problem()).isEqualTo(ExportException.Problem.WRONG_PASSPHRASE));

        Path file = r.bundle().resolve("packets/000002.bin");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        ExportBundle b = ExportBundle.open(r.bundle());
        b.verify(store.stationPublicKey());
        b.unlock(EXPORT_PASS);
        assertThatThrownBy(() -> b.packet(b.packets().get(1)))
                .isInstanceOfSatisfying(ExportException.class,
                        e -> assertThat(e.problem()).isEqualTo(ExportException.Problem.TAMPERED))
                .hasMessageContaining("packets/000002.bin");

        Path manifest = r.bundle().resolve(PendingExport.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"length\" : ", "\"length\" : 1"));
        assertThatThrownBy(() -> ExportBundle.open(r.bundle()).verify(store.stationPublicKey()))
                .isInstanceOfSatisfying(ExportException.class,
                        e -> assertThat(e.problem()).isEqualTo(ExportException.Problem.BAD_SIGNATURE));
    }

    @Test
    void refusesAShortPassphraseAndWritesNothingWhenNothingIsPending() throws Exception {
        assertThatThrownBy(() -> new PendingExport(store, clock).export(stick, "pendek".toCharArray(), "tek1",
                (d, t) -> { })).isInstanceOfSatisfying(ExportException.class,
                e -> assertThat(e.problem()).isEqualTo(ExportException.Problem.WEAK_PASSPHRASE));

        PendingExport.Result none = new PendingExport(store, clock).export(stick, EXPORT_PASS, "tek1", (d, t) -> { });
        assertThat(none.bundle()).isNull();
        try (Stream<Path> top = Files.list(stick)) {
            assertThat(top).isEmpty();
        }
    }

    @Test
    void aStationThatHasNotLearnedItsServersKeyExportsNothing() throws Exception {
        StationStore unregistered = TestStores.create(dir.resolve("other"), TestStores.fastOptions(clock));
        try (unregistered) {
            unregistered.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
            String id = unregistered.saveEnrollment(TestStores.demo(8).next()).packetId();
            unregistered.outbox().approve(List.of(id), "spv");
            Path usb = Files.createDirectories(dir.resolve("usb2"));
            assertThatThrownBy(() -> new PendingExport(unregistered, clock).export(usb, EXPORT_PASS, "tek1",
                    (d, t) -> { })).isInstanceOfSatisfying(ExportException.class,
                    e -> assertThat(e.problem()).isEqualTo(ExportException.Problem.NOT_SEALED));
            try (Stream<Path> top = Files.list(usb)) {
                assertThat(top).as("no partial bundle left").isEmpty();
            }
            assertThat(unregistered.outbox().entry(id).orElseThrow().state()).isEqualTo(OutboxState.APPROVED);
        }
    }

    @Test
    void anExportedPacketStaysDeliverableAndGoesBackOnTheWire() throws Exception {
        List<String> exportable = mixedOutbox();
        new PendingExport(store, clock).export(stick, EXPORT_PASS, "tek1", (d, t) -> { });

        assertThat(store.outbox().deliverable(100)).extracting(e -> e.packetId()).containsAll(exportable);
        String id = exportable.get(0);
        store.outbox().startUpload(id, URI.create("https://pusat.example/v1/uploads/z"), "sync");
        store.outbox().markAcknowledged(id, "sync");
        store.outbox().markConfirmed(id, "sync");
        assertThat(store.outbox().entry(id).orElseThrow().state()).isEqualTo(OutboxState.CONFIRMED);
        assertThat(store.verify().ok()).isTrue();
    }
}
