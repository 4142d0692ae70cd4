package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditEntry;
import id.rekam.core.auth.Role;
import id.rekam.core.commit.DuplicateOverride;
import id.rekam.fixtures.DemoRecords;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.verdict.ServerVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A station upgraded from schema 8: print-ready known only from "sync.printReady" audit entries,
 * a duplicate kept as a masked sentence, a rejection as text, an override reason in the audit
 * details, reasons masked in clear columns. At the first unlock they become state and sealed rows.
 */
class LegacyVerdictsTest {

    static final String OTHER = "0b5e3b9e-0c2b-4cf4-9a57-7c7f2f3d1a11";

    @TempDir
    Path dir;

    private final TestStores.MutableClock clock = new TestStores.MutableClock(Instant.parse("2026-11-25T03:00:00Z"));

    @Test
    void preV9VerdictsBecomeStateAndSealedRowsAtTheFirstUnlock() throws Exception {
        StoreOptions options = TestStores.fastOptions(clock);
        DemoRecords demo = TestStores.demo(61);
        String printReady;
        String duplicate;
        String rejected;
        String parked;
        String overridden;
        String event;
        try (StationStore store = TestStores.create(dir, options)) {
            store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
            store.operators().createAccount("spv", "op1", Role.OPERATOR, "rahasia-op1".toCharArray());
            printReady = uploading(store, demo);
            duplicate = uploading(store, demo);
            rejected = uploading(store, demo);
            parked = uploading(store, demo);
            overridden = store.saveEnrollment(demo.next()).packetId();
            // What a schema 8 station wrote: ...
            store.outbox().markAcknowledged(printReady, "sync");
            store.outbox().markConfirmed(printReady, "sync");
            store.audit("sync", "sync.printReady", printReady, Map.of());
            store.audit("sync", "sync.printReady", printReady, Map.of());
            store.verdicts().apply(duplicate, new ServerVerdict.Rejected(null, "x", null), "sync");
            store.outbox().markNeedsAttention(parked, "placeholder", "sync");
            store.audit("spv", AuditActions.DUPLICATE_OVERRIDE, overridden,
                    Map.of("reason", "kembar, sudah dicek KK", "operator", "op1"));
            event = store.events().append("card.handed-over", "{}", "spv");
            store.events().markNeedsAttention(event, "placeholder", "sync");
        }
        // Back to schema 9 (every later migration undone), then V9 by hand below.
        id.rekam.fixtures.LegacyStores.downgrade(dir, TestStores.PASSPHRASE, 9);
        try (Database db = Database.open(dir.resolve(StationStore.DB_FILE), 0)) {
            Connection c = db.connection();
            exec(c, "DROP TABLE verdicts");
            exec(c, "DROP TABLE duplicate_overrides");
            exec(c, "DROP TABLE verdict_reseal");
            exec(c, "ALTER TABLE outbox DROP COLUMN reason");
            exec(c, "ALTER TABLE outbox ADD COLUMN reason TEXT");
            exec(c, "ALTER TABLE outbox ADD COLUMN other_record TEXT");
            exec(c, "ALTER TABLE events DROP COLUMN reason");
            exec(c, "ALTER TABLE events ADD COLUMN reason TEXT");
            exec(c, "UPDATE outbox SET state = 'DUPLICATE', other_record = 'packet " + OTHER + ", station "
                    + "ST-337105-0002 (33.71.05), matched by fingerprint, received 2026-10-01T02:00:00Z, NIK "
                    + "337105******0003' WHERE packet_id = '" + duplicate + "'");
            exec(c, "UPDATE outbox SET state = 'REJECTED', reason = 'unparseable-template: not SourceAFIS templates: "
                    + "finger-01.tpl' WHERE packet_id = '" + rejected + "'");
            exec(c, "UPDATE outbox SET reason = 'server acknowledged SHA-256 00 but the packet is ff' "
                    + "WHERE packet_id = '" + parked + "'");
            exec(c, "UPDATE events SET reason = 'conflict: event-conflict' WHERE id = '" + event + "'");
            exec(c, "DELETE FROM schema_version WHERE version = 9");
            // Later schemas go too, so that the store is really at V8 and migrates through V9 again.
            for (String table : List.of("case_history", "case_invitations", "case_letter_numbers", "case_sources",
                    "case_records", "cases")) {
                exec(c, "DROP TABLE IF EXISTS " + table);
            }
            exec(c, "DELETE FROM schema_version WHERE version > 9");
        }

        clock.advance(Duration.ofHours(1));
        try (StationStore store = StationStore.open(dir, TestStores.PASSPHRASE, options)) {
            assertThat(store.outbox().entry(printReady).orElseThrow().state()).isEqualTo(OutboxState.PRINT_READY);
            assertThat(store.verdicts().latest(printReady)).containsInstanceOf(ServerVerdict.PrintReady.class);
            assertThat(store.auditTrail(1, 10_000)).filteredOn(e -> printReady.equals(e.subject()))
                    .extracting(AuditEntry::details).last().asString()
                    .contains("\"from\":\"CONFIRMED\"").contains("\"to\":\"PRINT_READY\"");

            ServerVerdict.Duplicate dup = (ServerVerdict.Duplicate) store.verdicts().latest(duplicate).orElseThrow();
            assertThat(dup.matchedBy()).isEqualTo(ServerVerdict.MatchedBy.FINGERPRINT);
            assertThat(dup.other()).isEqualTo(new ServerVerdict.OtherRecord(OTHER, "ST-337105-0002", "33.71.05",
                    "337105******0003", true, Instant.parse("2026-10-01T02:00:00Z")));
            assertThat(dup.other().fullNik()).isEmpty();

            assertThat(store.verdicts().latest(rejected)).hasValueSatisfying(v -> assertThat(v)
                    .isEqualTo(new ServerVerdict.Rejected(v.at(), "unparseable-template",
                            "not SourceAFIS templates: finger-01.tpl")));
            assertThat(store.outbox().entry(parked).orElseThrow().reason())
                    .isEqualTo("server acknowledged SHA-256 00 but the packet is ff");
            assertThat(store.events().needingAttention(5)).singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo("conflict: event-conflict"));
            assertThat(store.captures().override(new RegistrationId(overridden)))
                    .contains(new DuplicateOverride("spv", "kembar, sudah dicek KK"));

            long staged = store.read(tx -> {
                try (Statement s = tx.connection().createStatement();
                     var rs = s.executeQuery("SELECT count(*) FROM verdict_reseal")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(staged).isZero();
            assertThat(store.auditTrail(1, 10_000)).filteredOn(e -> e.action().equals(AuditActions.VERDICTS_MIGRATED))
                    .singleElement().satisfies(e -> assertThat(e.details()).isEqualTo(
                            "{\"duplicate\":1,\"event-reason\":1,\"outbox-reason\":1,\"override\":1,"
                                    + "\"print-ready\":1,\"rejected\":1}"));
            assertThat(store.verify().ok()).isTrue();
        }
        try (StationStore again = StationStore.open(dir, TestStores.PASSPHRASE, options)) {
            assertThat(again.auditTrail(1, 10_000)).filteredOn(e -> e.action().equals(AuditActions.VERDICTS_MIGRATED))
                    .hasSize(1);
            assertThat(again.verdicts().history(printReady)).hasSize(1);
        }
    }

    @Test
    void rejectionTextsOfEveryPreV9FormAreSplitIntoCodeAndMessage() {
        assertThat(LegacyVerdicts.rejected("upload refused: body-sha256-mismatch", null))
                .isEqualTo(new ServerVerdict.Rejected(null, "body-sha256-mismatch", null));
        assertThat(LegacyVerdicts.rejected("rejected by the central server", null))
                .isEqualTo(new ServerVerdict.Rejected(null, "unknown", "rejected by the central server"));
        assertThat(LegacyVerdicts.duplicate("unknown", null).other())
                .isEqualTo(new ServerVerdict.OtherRecord(null, null, null, null, true, null));
    }

    private String uploading(StationStore store, DemoRecords demo) {
        clock.advance(Duration.ofSeconds(1));
        String id = store.saveEnrollment(demo.next()).packetId();
        store.captures().approve(List.of(new RegistrationId(id)), "spv");
        store.outbox().startUpload(id, URI.create("https://pusat.example/v1/uploads/" + id), "sync");
        return id;
    }

    private static void exec(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
