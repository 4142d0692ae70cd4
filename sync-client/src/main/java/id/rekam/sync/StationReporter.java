package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.sync.api.CentralApi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells the server, at the end of each pass, how many records only this station holds and which
 * delivered packets it purged (docs/sync-protocol.md §7.1): what a loss report lists if the station
 * is ever stolen. A purge counts as reported only when the server's signed receipt names it.
 */
final class StationReporter {

    static final int MAX_PURGES = 1000;

    private final StationSide side;
    private final CentralApi api;

    StationReporter(StationSide side, CentralApi api) {
        this.side = side;
        this.api = api;
    }

    /** @return purges the server confirmed */
    int report() throws SyncFailure {
        List<String> purged = side.unreportedPurges(MAX_PURGES);
        JsonNode receipt = api.stationReport(side.pendingOnStation(), purged);
        Set<String> sent = new HashSet<>(purged);
        List<String> confirmed = new ArrayList<>();
        receipt.path("purged").forEach(n -> {
            if (sent.contains(n.asText())) {
                confirmed.add(n.asText());
            }
        });
        if (!confirmed.isEmpty()) {
            side.purgesReported(confirmed);
        }
        return confirmed.size();
    }
}
