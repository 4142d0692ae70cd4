package id.rekam.diag;

import id.rekam.core.diag.DiagnosticLimits;
import id.rekam.core.diag.Finding;
import id.rekam.core.diag.Status;
import id.rekam.core.store.StoreInspection;
import id.rekam.diag.software.UpdateCheckStamp;
import id.rekam.fixtures.DemoRecords;
import org.junit.jupiter.api.Test;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static id.rekam.diag.DiagKit.finding;
import static org.assertj.core.api.Assertions.assertThat;

/** The store and software checks: a healthy station, then each thing that goes wrong on its own. */
class StoreAndSoftwareCheckTest extends KitTest {

    @Test
    void aHealthyStoreAndCurrentSoftwareAreOk() throws Exception {
        kit = new DiagKit(dir);
        List<String> ids = capture(kit, 3);
        kit.store.outbox().approve(ids.subList(0, 2), "spv");
        DiagnosticRun run = kit.run("store", "software");

        assertThat(run.area("store")).extracting(Finding::id).containsExactly("store.integrity", "store.audit",
                "store.size", "store.disk", "store.backup", "store.pending");
        for (String id : List.of("store.integrity", "store.audit", "store.size", "store.backup", "store.pending")) {
            assertThat(finding(run, id).status()).as(id).isEqualTo(Status.OK);
        }
        assertThat(finding(run, "store.pending").result()).isEqualTo("3 paket menunggu server (1 menunggu persetujuan), 0 kejadian menunggu");
        assertThat(finding(run, "store.pending").facts()).containsEntry("outbox.CAPTURED", "1").containsEntry("outbox.APPROVED", "2");
        assertThat(Long.parseLong(finding(run, "store.disk").facts().get("freeBytes"))).isPositive();
        assertThat(run.area("software")).extracting(Finding::id).containsExactly("software.version", "software.runtime",
                "software.schema", "software.updates");
        assertThat(run.area("software")).allSatisfy(f -> assertThat(f.status()).as(f.toString()).isEqualTo(Status.OK));
        assertThat(finding(run, "software.version").result()).startsWith("rekam 0.");
        assertThat(finding(run, "software.schema").facts()).containsEntry("schema", String.valueOf(StoreInspection.latestSchema()));
    }

    @Test
    void aDamagedDatabaseFailsTheIntegrityCheckWithWhatToDo() throws Exception {
        kit = new DiagKit(dir);
        capture(kit, 5);
        kit.store.close();
        Path db = kit.dataDir.resolve("station.db");
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            byte[] junk = new byte[4096];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            f.seek(Math.max(8192, f.length() / 2));
            f.write(junk);
        }
        // The store is closed (as when the station will not open it): the check reads the file without keys.
        DiagnosticRun run = run(new id.rekam.diag.store.StoreCheck(kit.dataDir, java.util.Optional::empty, Clock.systemUTC()));

        Finding integrity = finding(run, "store.integrity");
        assertThat(integrity.status()).isEqualTo(Status.FAILED);
        assertThat(integrity.nextStep()).contains("cadangan terakhir");
    }

    @Test
    void anOldBackupWarnsAndAWeekOldOneFails() throws Exception {
        kit = new DiagKit(dir);
        kit.clock = Clock.offset(Clock.systemUTC(), Duration.ofDays(3));
        assertThat(finding(kit.run("store"), "store.backup").status()).isEqualTo(Status.WARNING);
        kit.clock = Clock.offset(Clock.systemUTC(), Duration.ofDays(8));
        Finding stale = finding(kit.run("store"), "store.backup");
        assertThat(stale.status()).isEqualTo(Status.FAILED);
        assertThat(stale.result()).isEqualTo("Cadangan terakhir 8 hari lalu");
    }

    @Test
    void eventsTheServerRefusedAreAWarningPointingAtTheSyncPanel() throws Exception {
        kit = new DiagKit(dir);
        String event = kit.store.events().append("card.moved", "{\"serial\":\"KTP-1\"}", "op1");
        kit.store.events().markNeedsAttention(event, "conflict", "sync");
        Finding pending = finding(kit.run("store"), "store.pending");
        assertThat(pending.status()).isEqualTo(Status.WARNING);
        assertThat(pending.nextStep()).contains("panel sinkronisasi");
        assertThat(pending.facts()).containsEntry("eventsAttention", "1");
    }

    @Test
    void softwareProblemsEachNamed() throws Exception {
        kit = new DiagKit(dir);
        Path stamp = kit.updates.stamps().get(0);
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().minus(Duration.ofDays(45))));
        kit.store.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + kit.dataDir.resolve("station.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version VALUES (" + (StoreInspection.latestSchema() + 1) + ", 'V99__future.sql', 'x')");
        }
        DiagnosticRun run = run(new id.rekam.diag.software.SoftwareCheck(kit.dataDir, kit.updates, Clock.systemUTC(),
                Runtime.version().feature() + 1));

        assertThat(finding(run, "software.runtime").status()).isEqualTo(Status.FAILED);
        assertThat(finding(run, "software.schema").status()).isEqualTo(Status.FAILED);
        assertThat(finding(run, "software.schema").nextStep()).contains("versi rekam yang sama atau lebih baru");
        Finding updates = finding(run, "software.updates");
        assertThat(updates.status()).isEqualTo(Status.WARNING);
        assertThat(updates.result()).isEqualTo("Terakhir memeriksa pembaruan 45 hari lalu");
        assertThat(updates.nextStep()).contains("sudo apt update");

        DiagnosticRun unknown = run(new id.rekam.diag.software.SoftwareCheck(kit.dataDir,
                new UpdateCheckStamp(List.of(dir.resolve("no-such-stamp"))), Clock.systemUTC()));
        assertThat(finding(unknown, "software.updates").status()).isEqualTo(Status.WARNING);
    }

    @Test
    void freeDiskLimitsAlsoLeaveRoomForACopyOfTheStore() {
        long gib = 1024L * 1024 * 1024;
        assertThat(DiagnosticLimits.freeDisk(10 * gib, gib)).isEqualTo(Status.OK);
        assertThat(DiagnosticLimits.freeDisk(gib, 100)).isEqualTo(Status.WARNING);
        assertThat(DiagnosticLimits.freeDisk(100L * 1024 * 1024, 100)).isEqualTo(Status.FAILED);
        assertThat(DiagnosticLimits.freeDisk(3 * gib, 2 * gib)).as("less than 3 store copies").isEqualTo(Status.WARNING);
        assertThat(DiagnosticLimits.freeDisk(gib, 2 * gib)).as("a backup would not fit").isEqualTo(Status.FAILED);
    }

    private static DiagnosticRun run(Check check) {
        return new DiagnosticsEngine(List.of(check), new Texts(java.util.Locale.forLanguageTag("id")), Clock.systemUTC())
                .run(DiagnosticListener.NONE);
    }

    private static List<String> capture(DiagKit kit, int n) {
        DemoRecords demo = new DemoRecords(11, "32.76.01.1001", DiagKit.STATION);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(kit.store.saveEnrollment(demo.next()).packetId());
        }
        return ids;
    }
}
