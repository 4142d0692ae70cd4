package id.rekam.server.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.server.http.ApiException;
import id.rekam.server.http.Json;
import id.rekam.server.schema.JsonSchemas;
import id.rekam.server.store.Database;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The latest coverage tally of each station (numbers per kelurahan, day and operator; no
 * citizen data), whichever road brought it: the station itself, a team member's relay, or a
 * bundle import. A tally older than the one kept changes nothing. Stations of one office read
 * each other's, which is how a team's counts merge through the server.
 */
public final class TallyStore {

    private final Database db;
    private final Clock clock;

    public TallyStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * @param via {@code station}, {@code relay:<relay station>} or {@code import}
     * @return true when it replaced what was kept
     * @throws ApiException 422 when the tally breaks its schema or names another station
     */
    public boolean store(String stationId, String office, byte[] tallyJson, String via) {
        JsonNode t = Json.tree(tallyJson);
        List<String> problems = JsonSchemas.problems("api/coverage-tally", t);
        if (!problems.isEmpty()) {
            throw new ApiException(422, "bad-tally", String.join("; ", problems));
        }
        if (!stationId.equals(t.path("stationId").asText())) {
            throw new ApiException(422, "bad-tally", "tally of " + t.path("stationId").asText()
                    + " presented as " + stationId + "'s");
        }
        long generated;
        try {
            generated = Instant.parse(t.get("generatedAt").asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new ApiException(422, "bad-tally", "generatedAt is not an instant");
        }
        return db.tx(c -> {
            if (Database.queryOne(c, "SELECT 1 FROM coverage_tallies WHERE station_id=? AND generated_at>=?",
                    rs -> 1, stationId, generated).isPresent()) {
                return false;
            }
            Database.update(c, "INSERT INTO coverage_tallies(station_id, office, generated_at, tally, received_at, via) "
                    + "VALUES (?,?,?,?,?,?) ON CONFLICT(station_id) DO UPDATE SET generated_at=excluded.generated_at, "
                    + "tally=excluded.tally, received_at=excluded.received_at, via=excluded.via",
                    stationId, office, generated, Json.canonical(t), clock.millis(), via);
            return true;
        });
    }

    /** Tallies of the office's stations other than {@code exceptStation}. */
    public List<JsonNode> ofOffice(String office, String exceptStation) {
        return db.tx(c -> Database.query(c, "SELECT tally FROM coverage_tallies WHERE office=? AND station_id<>? "
                + "ORDER BY station_id", rs -> Json.tree(rs.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                office, exceptStation));
    }
}
