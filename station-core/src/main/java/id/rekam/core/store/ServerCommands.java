package id.rekam.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.trust.ServerTrust;
import id.rekam.core.trust.SignedJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Carries out the central server's signed commands (docs/sync-protocol.md §6.1): {@code lock}
 * (the store refuses to unlock until {@code unlock}), {@code unlock}, {@code crypto-erase} (the
 * wrapped keys are destroyed at once). They arrive as feed entries, or inside the revocation
 * notice a revoked station gets with every refusal. Each is checked against the pinned server key
 * here, whoever handed it over, and needs no passphrase: the locked sync service obeys it too.
 */
final class ServerCommands {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCommands.class);

    /** What was done. */
    record Outcome(List<String> applied, boolean erased) {
        static final Outcome NOTHING = new Outcome(List.of(), false);
    }

    private ServerCommands() {
    }

    /** A {@code station-command} feed entry. Unsigned or foreign entries change nothing. */
    static Outcome fromFeed(Database db, Path dataDir, Optional<ServerTrust> trust, String stationId, JsonNode entry,
                            long now) {
        if (!verified(trust, SignedJson.Purpose.FEED_ENTRY, stationId, entry)
                || !"station-command".equals(entry.path("type").asText())) {
            LOG.warn("station command refused: not signed by the pinned server");
            return Outcome.NOTHING;
        }
        return apply(db, dataDir, List.of(entry), now);
    }

    /** The commands a revocation notice carries. */
    static Outcome fromRevocation(Database db, Path dataDir, Optional<ServerTrust> trust, String stationId,
                                  JsonNode notice, long now) {
        if (!verified(trust, SignedJson.Purpose.REVOCATION, stationId, notice)
                || !stationId.equals(notice.path("stationId").asText())) {
            LOG.warn("revocation notice refused: not signed by the pinned server");
            return Outcome.NOTHING;
        }
        List<JsonNode> commands = new ArrayList<>();
        notice.path("commands").forEach(commands::add);
        return apply(db, dataDir, commands, now);
    }

    private static boolean verified(Optional<ServerTrust> trust, SignedJson.Purpose purpose, String stationId,
                                    JsonNode o) {
        return trust.filter(t -> t.keys() != null)
                .map(t -> SignedJson.verify(t.keys().signingKey(), purpose, stationId, o)).orElse(false);
    }

    private static Outcome apply(Database db, Path dataDir, List<JsonNode> commands, long now) {
        List<String> applied = new ArrayList<>();
        boolean erased = db.inTransaction(c -> {
            boolean erase = false;
            for (JsonNode cmd : commands) {
                String id = cmd.path("commandId").asText(null);
                String command = cmd.path("command").asText(null);
                if (id == null || command == null || !(command.equals(StationCommandsTable.LOCK)
                        || command.equals(StationCommandsTable.UNLOCK) || command.equals(StationCommandsTable.ERASE))) {
                    continue;
                }
                if (StationCommandsTable.record(c, id, command, SignedJson.text(cmd), now)) {
                    applied.add(command);
                    if (command.equals(StationCommandsTable.ERASE)) {
                        CryptoErase.destroyKeys(c);
                        erase = true;
                    }
                }
            }
            return erase;
        });
        if (erased) {
            CryptoErase.scrub(db, dataDir);
        }
        if (!applied.isEmpty()) {
            LOG.warn("station commands from the central server carried out: {}", applied);
        }
        return new Outcome(applied, erased);
    }
}
