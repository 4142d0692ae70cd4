package id.rekam.sync;

import id.rekam.core.export.PendingExport;
import id.rekam.core.outbox.OutboxState;
import id.rekam.server.dedup.DedupService;
import id.rekam.server.events.EventStore;
import id.rekam.server.imports.BundleImporter;
import id.rekam.server.keys.ServerKeyStore;
import id.rekam.server.packets.PacketRecord;
import id.rekam.server.packets.PacketRepository;
import id.rekam.server.packets.PacketService;
import id.rekam.server.packets.PacketState;
import id.rekam.server.packets.UploadFiles;
import id.rekam.server.stations.StationRegistry;
import id.rekam.server.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.rekam.server.CentralServerMain;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A station that cannot reach the server exports its pending records to a stick; the central
 * office imports the bundle; later the station's network returns. Every packet ends up on the
 * server exactly once, with the hash the station signed, and the station learns the verdicts.
 */
class ExportImportTest {

    private static final String EXPORT_PASS = "ekspor-kronjo-ke-gunung-kaler";

    @TempDir
    Path dir;
    SyncTestKit kit;
    private Database importerDb;

    @AfterEach
    void tearDown() {
        if (importerDb != null) {
            importerDb.close();
        }
        if (kit != null) {
            kit.close();
        }
    }

    @Test
    void exportImportThenLaterSyncStoresEveryPacketOnce() throws Exception {
        kit = SyncTestKit.start(dir);
        List<String> delivered = kit.capture(2, 11, true);
        try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()))) {
            kit.pass(sync);
        }
        // The network goes: these stay pending, plus one event.
        List<String> pending = kit.capture(4, 12, true);
        kit.store.events().append("card.handed-over", "{\"card\":\"K-00042\"}", "spv");
        Path stick = Files.createDirectories(dir.resolve("usb"));

        PendingExport.Result export = new PendingExport(kit.store, Clock.systemUTC())
                .export(stick, EXPORT_PASS.toCharArray(), "tek1", (d, t) -> { });
        assertThat(export.packets()).isEqualTo(4);
        assertThat(export.events()).isEqualTo(1);
        assertThat(pending).allSatisfy(id -> assertThat(kit.store.outbox().entry(id).orElseThrow().state())
                .isEqualTo(OutboxState.EXPORTED));

        Path passFile = dir.resolve("pass.txt");
        Files.writeString(passFile, EXPORT_PASS + "\n");
        String out = importCli(export.bundle(), passFile, 0);
        assertThat(out).contains("4 packets imported, 0 already present, 1 events (0 refused)");
        assertOnServerOnce(delivered, pending);
        assertThat(serverEvents()).isEqualTo(1);

        // A second import (the stick read twice) changes nothing.
        assertThat(importCli(export.bundle(), passFile, 0)).contains("0 packets imported, 4 already present");
        assertOnServerOnce(delivered, pending);

        // The network returns: the exported packets go out again, the server knows them already.
        try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()))) {
            kit.pass(sync);
        }
        assertOnServerOnce(delivered, pending);
        assertThat(serverEvents()).isEqualTo(1);
        for (String id : pending) {
            assertThat(kit.store.outbox().entry(id).orElseThrow().state()).isEqualTo(OutboxState.CONFIRMED);
        }
        assertThat(kit.store.events().countByState().get(id.rekam.core.outbox.EventState.PENDING)).isZero();
        assertThat(kit.store.verify().ok()).isTrue();
    }

    @Test
    void syncBeforeImportThenImportAlsoStoresNothingTwice() throws Exception {
        kit = SyncTestKit.start(dir);
        List<String> pending = kit.capture(3, 13, true);
        Path stick = Files.createDirectories(dir.resolve("usb"));
        PendingExport.Result export = new PendingExport(kit.store, Clock.systemUTC())
                .export(stick, EXPORT_PASS.toCharArray(), "tek1", (d, t) -> { });
        try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()))) {
            kit.pass(sync);
        }
        Path passFile = dir.resolve("pass.txt");
        Files.writeString(passFile, EXPORT_PASS);
        assertThat(importCli(export.bundle(), passFile, 0)).contains("0 packets imported, 3 already present");
        assertOnServerOnce(List.of(), pending);
    }

    @Test
    void tamperedBundleAndWrongPassphraseAreRefusedWithNothingIngested() throws Exception {
        kit = SyncTestKit.start(dir);
        kit.capture(3, 14, true);
        Path stick = Files.createDirectories(dir.resolve("usb"));
        PendingExport.Result export = new PendingExport(kit.store, Clock.systemUTC())
                .export(stick, EXPORT_PASS.toCharArray(), "tek1", (d, t) -> { });

        assertThatThrownBy(() -> importer().importBundle(export.bundle(), "frasa-yang-keliru-sekali".toCharArray()))
                .isInstanceOfSatisfying(BundleImporter.ImportRefused.class,
                        e -> assertThat(e.code()).isEqualTo("wrong-passphrase"))
                .hasMessageContaining("passphrase does not open");

        Path last = export.bundle().resolve("packets/000003.bin");
        byte[] bytes = Files.readAllBytes(last);
        bytes[40] ^= 0x20;
        Files.write(last, bytes);
        Path passFile = dir.resolve("pass.txt");
        Files.writeString(passFile, EXPORT_PASS);
        String err = importCli(export.bundle(), passFile, 1);
        assertThat(err).contains("import refused (tampered)").contains("packets/000003.bin");
        // Checked before anything went in: the two intact packets were not ingested either.
        assertThat(kit.server.admin().packets()).isEmpty();
    }

    @Test
    void aRevokedStationsBundleCountsOnlyIfMadeBeforeAndAStolenOnesOnlyOnTheAdministratorsWord() throws Exception {
        kit = SyncTestKit.start(dir);
        List<String> pending = kit.capture(2, 15, true);
        Path stick = Files.createDirectories(dir.resolve("usb"));
        PendingExport.Result before = new PendingExport(kit.store, Clock.systemUTC())
                .export(stick, EXPORT_PASS.toCharArray(), "tek1", (d, t) -> { });
        // The station is stolen, revoked; the thief sets its clock on and exports again.
        kit.server.admin().revoke(SyncTestKit.STATION, id.rekam.server.stations.RevocationReason.STOLEN, null,
                "admin", null);
        kit.capture(1, 16, true);
        PendingExport.Result after = new PendingExport(kit.store,
                Clock.offset(Clock.systemUTC(), java.time.Duration.ofHours(2)))
                .export(Files.createDirectories(dir.resolve("usb2")), EXPORT_PASS.toCharArray(), "thief", (d, t) -> { });

        BundleImporter importer = importer();
        assertThatThrownBy(() -> importer.importBundle(after.bundle(), EXPORT_PASS.toCharArray(), true))
                .isInstanceOfSatisfying(BundleImporter.ImportRefused.class,
                        e -> assertThat(e.code()).isEqualTo("station-revoked"))
                .hasMessageContaining("after the station was revoked");
        assertThatThrownBy(() -> importer.importBundle(before.bundle(), EXPORT_PASS.toCharArray(), false))
                .isInstanceOfSatisfying(BundleImporter.ImportRefused.class,
                        e -> assertThat(e.code()).isEqualTo("station-revoked"))
                .hasMessageContaining("--accept-from-lost-station");
        assertThat(kit.server.admin().packets()).isEmpty();

        Path passFile = dir.resolve("pass.txt");
        Files.writeString(passFile, EXPORT_PASS);
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new CentralServerMain()).execute("import-bundle", before.bundle().toString(),
                    "--passphrase-file", passFile.toString(), "--data-dir", kit.serverDir.toString(),
                    "--accept-unparseable-templates", "--accept-from-lost-station")).isZero();
        } finally {
            System.setOut(out);
        }
        assertThat(kit.server.admin().packets()).extracting(PacketRecord::packetId)
                .containsExactlyInAnyOrderElementsOf(pending);
    }

    private void assertOnServerOnce(List<String> delivered, List<String> exported) {
        List<PacketRecord> all = kit.server.admin().packets();
        Map<String, PacketRecord> byId = all.stream().collect(Collectors.toMap(PacketRecord::packetId,
                Function.identity()));
        assertThat(all).hasSize(delivered.size() + exported.size());
        for (String id : concat(delivered, exported)) {
            assertThat(byId.get(id).contentSha256()).isEqualTo(kit.store.outbox().entry(id).orElseThrow().sha256());
            assertThat(byId.get(id).state()).isEqualTo(PacketState.ACCEPTED);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private int serverEvents() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + kit.serverDir.resolve("server.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM events")) {
            return rs.getInt(1);
        }
    }

    /** The server's own offline wiring, as the CLI builds it. */
    private BundleImporter importer() {
        Database db = new Database(kit.serverDir.resolve("server.db"));
        importerDb = db;
        StationRegistry stations = new StationRegistry(db, Clock.systemUTC());
        PacketRepository repo = new PacketRepository(db);
        DedupService dedup = new DedupService(db, stations, true);
        return new BundleImporter(stations, new PacketService(repo, new UploadFiles(kit.serverDir), dedup, stations,
                ServerKeyStore.loadOrCreate(kit.serverDir), Clock.systemUTC(), Long.MAX_VALUE),
                new EventStore(db, Clock.systemUTC()));
    }

    private String importCli(Path bundle, Path passFile, int expectedExit) {
        return kit.importBundle(bundle, passFile, expectedExit, "--accept-unparseable-templates");
    }
}
