package id.rekam.server.cases;

import id.rekam.server.store.Database;

/**
 * The reference server's case tables (docs/design/cases.md): cases it assigned, the outcome events
 * it applied (or holds until a record arrives), pairs decided to be two people, voided records.
 */
final class CaseTables {

    private static final String[] DDL = {
            """
            CREATE TABLE IF NOT EXISTS cases(case_id TEXT PRIMARY KEY, pair_key TEXT NOT NULL UNIQUE,
              packet_a TEXT NOT NULL, packet_b TEXT NOT NULL, station_id TEXT NOT NULL, reason TEXT NOT NULL,
              state TEXT NOT NULL, outcome TEXT, assigned_at INTEGER NOT NULL, closed_at INTEGER)""",
            """
            CREATE TABLE IF NOT EXISTS case_outcomes(event_id TEXT PRIMARY KEY, station_id TEXT NOT NULL,
              station_case_id TEXT NOT NULL, server_case_id TEXT, outcome TEXT NOT NULL, packet_a TEXT NOT NULL,
              packet_b TEXT NOT NULL, kept TEXT, voided TEXT, status TEXT NOT NULL, code TEXT, at INTEGER NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS case_outcomes_waiting ON case_outcomes(status, voided)",
            """
            CREATE TABLE IF NOT EXISTS false_match_pairs(pair_key TEXT PRIMARY KEY, packet_a TEXT NOT NULL,
              packet_b TEXT NOT NULL, event_id TEXT NOT NULL, at INTEGER NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS voided_packets(packet_id TEXT PRIMARY KEY, kept TEXT NOT NULL,
              reason TEXT NOT NULL, event_id TEXT NOT NULL, at INTEGER NOT NULL)"""
    };

    private CaseTables() {
    }

    static void create(Database db) {
        db.tx(c -> {
            for (String ddl : DDL) {
                Database.update(c, ddl);
            }
            return null;
        });
    }
}
