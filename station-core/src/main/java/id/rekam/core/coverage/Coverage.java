package id.rekam.core.coverage;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.auth.AuthException;
import id.rekam.core.auth.Role;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.RecordFact;
import id.rekam.core.store.StationStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Coverage of a mobile team: the targets (a supervisor's CSV or the server's signed reference
 * data), this station's tally, team members' tallies merged from bundles and the server, and the
 * report that compares them. Who may import targets is decided here, not by a screen.
 */
public final class Coverage {

    /** Tallies are sealed in their rows like everything else the store keeps; purpose of the AAD. */
    static final String TALLY = "team-tally";

    private final StationStore store;
    private final Clock clock;

    public Coverage(StationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Only a supervisor replaces the target list. */
    public static boolean mayImportTargets(Role role) {
        return role == Role.SUPERVISOR;
    }

    // ---------------------------------------------------------------- targets

    public List<Target> targets() {
        return store.read(tx -> {
            List<Target> out = new ArrayList<>();
            try (PreparedStatement p = tx.connection().prepareStatement(
                    "SELECT village_code, village_name, target FROM coverage_targets ORDER BY village_code");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Target(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return out;
        });
    }

    /**
     * Replaces the whole target list with a supervisor's import, audited.
     *
     * @throws AuthException {@code supervisor} is not an active supervisor
     */
    public void importTargets(List<Target> targets, String source, String supervisor) {
        Role role = store.operators().list().stream().filter(o -> o.username().equals(supervisor))
                .map(id.rekam.core.auth.Operator::role).findFirst().orElse(null);
        if (!mayImportTargets(role)) {
            throw new AuthException("auth.notSupervisor", String.valueOf(supervisor));
        }
        replaceTargets(targets, source, supervisor);
    }

    /** Signed reference data from the server: trusted by its signature, not by who fetched it. */
    public SignedTargets importSigned(byte[] data, byte[] signature, ReferenceDataVerifier verifier, String actor)
            throws SignedTargets.Refused {
        SignedTargets t = SignedTargets.verify(data, signature, verifier);
        replaceTargets(t.targets(), "server:" + t.issuedAt(), actor);
        return t;
    }

    private void replaceTargets(List<Target> targets, String source, String actor) {
        long at = clock.millis();
        store.inTransaction(tx -> {
            try (PreparedStatement d = tx.connection().prepareStatement("DELETE FROM coverage_targets")) {
                d.executeUpdate();
            }
            try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO coverage_targets "
                    + "(village_code, village_name, target, source, imported_at) VALUES (?,?,?,?,?)")) {
                for (Target t : targets) {
                    p.setString(1, t.villageCode());
                    p.setString(2, t.villageName());
                    p.setLong(3, t.residents());
                    p.setString(4, source);
                    p.setLong(5, at);
                    p.addBatch();
                }
                p.executeBatch();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("villages", targets.size());
            details.put("residents", targets.stream().mapToLong(Target::residents).sum());
            details.put("source", source);
            return tx.audit(actor, AuditActions.COVERAGE_TARGETS_IMPORTED, store.stationId(), details);
        });
    }

    // ---------------------------------------------------------------- tallies

    /** This station's counts now. */
    public Tally ownTally() {
        Map<String, long[]> cells = new TreeMap<>();
        Map<String, Tally.Row> keys = new LinkedHashMap<>();
        for (RecordFact f : store.recordFacts()) {
            String key = f.villageCode() + "|" + f.day() + "|" + f.operatorId();
            long[] c = cells.computeIfAbsent(key, k -> new long[4]);
            keys.putIfAbsent(key, new Tally.Row(f.villageCode(), f.day(), f.operatorId(), 0, 0, 0, 0));
            c[0]++;
            if (delivered(f.state())) {
                c[1]++;
            }
            if (f.state() == OutboxState.CONFIRMED || f.state() == OutboxState.PRINT_READY) {
                c[2]++;
            }
            if (f.state() == OutboxState.DUPLICATE) {
                c[3]++;
            }
        }
        List<Tally.Row> rows = new ArrayList<>();
        cells.forEach((k, c) -> {
            Tally.Row r = keys.get(k);
            rows.add(new Tally.Row(r.villageCode(), r.day(), r.operator(), c[0], c[1], c[2], c[3]));
        });
        return new Tally(Tally.FORMAT, store.stationId(), clock.instant(), rows);
    }

    private static boolean delivered(OutboxState s) {
        return s == OutboxState.ACKNOWLEDGED || s.isDecided();
    }

    /**
     * Keeps a team member's tally, received in a bundle whose signature named that station or
     * from the server; an older tally than the one kept changes nothing.
     *
     * @return true when it replaced what was kept
     */
    public boolean mergeTeamTally(Tally t) {
        if (t.stationId().equals(store.stationId())) {
            return false;
        }
        byte[] json = t.toJson();
        return store.inTransaction(tx -> {
            try (PreparedStatement q = tx.connection().prepareStatement(
                    "SELECT generated_at FROM team_tallies WHERE station_id = ?")) {
                q.setString(1, t.stationId());
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next() && rs.getLong(1) >= t.generatedAt().toEpochMilli()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO team_tallies (station_id, "
                    + "generated_at, tally, received_at) VALUES (?,?,?,?) ON CONFLICT (station_id) DO UPDATE SET "
                    + "generated_at = excluded.generated_at, tally = excluded.tally, received_at = excluded.received_at")) {
                p.setString(1, t.stationId());
                p.setLong(2, t.generatedAt().toEpochMilli());
                p.setBytes(3, tx.seal(json, t.stationId(), TALLY));
                p.setLong(4, clock.millis());
                p.executeUpdate();
            }
            return true;
        });
    }

    public List<Tally> teamTallies() {
        return store.read(tx -> {
            List<Tally> out = new ArrayList<>();
            try (PreparedStatement p = tx.connection().prepareStatement(
                    "SELECT station_id, tally FROM team_tallies ORDER BY station_id");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(Tally.fromJson(tx.open(rs.getBytes(2), rs.getString(1), TALLY)));
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- report

    /** The team's standing on {@code asOf} (office time zone): this station and every team tally kept. */
    public CoverageReport report(LocalDate asOf) {
        List<Tally> all = new ArrayList<>();
        all.add(ownTally());
        all.addAll(teamTallies());
        return CoverageReports.build(asOf, all, targets());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), store.zone());
    }

    /** This station's own tally as JSON, for bundles and the server. */
    public byte[] ownTallyJson() {
        return ownTally().toJson();
    }
}
