package id.rekam.core.store;

import id.rekam.core.crypto.KdfParams;
import id.rekam.fixtures.DemoRecords;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Fast, deterministic store setups for tests. */
public final class TestStores {

    public static final String STATION = "ST-32760101-01";
    public static final String VILLAGE = "32.76.01.1001";
    public static final char[] PASSPHRASE = "uji-frasa-sandi-stasiun".toCharArray();

    private TestStores() {
    }

    /** A clock tests move by hand. */
    public static final class MutableClock extends Clock {
        private Instant now;

        public MutableClock(Instant start) {
            this.now = start;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static StoreOptions fastOptions(Clock clock) {
        return StoreOptions.defaults().withKdf(KdfParams.forTestsOnly(1_000, 1_000)).withClock(clock);
    }

    public static StoreOptions fastOptions() {
        return fastOptions(new MutableClock(Instant.parse("2026-11-25T03:00:00Z")));
    }

    public static StationStore create(Path dir, StoreOptions options) {
        return StationStore.initialise(dir, PASSPHRASE, STATION, options);
    }

    /**
     * Takes an open latest-schema store back to schema 9 (before the keyed state of V10), for tests
     * that make an older store out of a current one: drops V10's columns and tables and rewrites
     * the audit chain without its {@code STATE_SEALED} entries (with the store's own audit key, as
     * a schema 9 station would have written it). Close the store afterwards without writing to it.
     */
    public static void undoKeyedState(StationStore store) throws java.sql.SQLException {
        java.sql.Connection c = store.database().connection();
        java.util.List<String[]> entries = new java.util.ArrayList<>();
        try (java.sql.Statement s = c.createStatement()) {
            try (java.sql.ResultSet rs = s.executeQuery("SELECT name FROM sqlite_temp_master WHERE type = 'trigger'")) {
                java.util.List<String> temp = new java.util.ArrayList<>();
                while (rs.next()) {
                    temp.add(rs.getString(1));
                }
                for (String t : temp) {
                    s.execute("DROP TRIGGER temp." + t);
                }
            }
            for (String t : new String[] {"station", "operators", "records", "packets", "outbox", "duplicate_overrides",
                    "cards"}) {
                s.execute("ALTER TABLE " + t + " DROP COLUMN seal");
                s.execute("ALTER TABLE " + t + " DROP COLUMN seal_version");
            }
            s.execute("DROP TABLE state_tables");
            s.execute("DROP TABLE state_head");
            s.execute("DROP TABLE audit_anchors");
            s.execute("DELETE FROM schema_version WHERE version = 10");
            try (java.sql.ResultSet rs = s.executeQuery(
                    "SELECT at, actor, action, subject, details FROM audit_log ORDER BY seq")) {
                while (rs.next()) {
                    entries.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)});
                }
            }
            s.execute("DROP TRIGGER audit_log_no_delete");
            s.execute("DELETE FROM audit_log");
            s.execute("DELETE FROM audit_head");
            s.execute("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
                    + "SELECT RAISE(ABORT, 'the audit log is append-only'); END");
        }
        MutableClock at = new MutableClock(java.time.Instant.EPOCH);
        id.rekam.core.audit.AuditLog log = new id.rekam.core.audit.AuditLog(store.keys().audit(), at);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String[] e : entries) {
            if (!id.rekam.core.audit.AuditActions.STATE_SEALED.equals(e[2])) {
                at.now = java.time.Instant.parse(e[0]);
                try {
                    log.append(c, e[1], e[2], e[3], json.readValue(e[4],
                            new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { }));
                } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
                    throw new IllegalStateException(x);
                }
            }
        }
    }

    public static DemoRecords demo(long seed) {
        return new DemoRecords(seed, VILLAGE, STATION);
    }
}
