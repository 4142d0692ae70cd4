package id.rekam.sync.relay;

import id.rekam.core.coverage.Coverage;
import id.rekam.core.coverage.Tally;
import id.rekam.sync.SyncFailure;
import id.rekam.sync.api.RelayClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The last step of a drain pass: this station's coverage tally goes to the server and the
 * tallies of the other stations of its office come back, so every laptop of a team sees the
 * team's counts. Numbers only. A refusal (an older server without these calls) is logged and
 * skipped: coverage must never hold up delivery.
 */
public final class TallyExchange {

    private static final Logger LOG = LoggerFactory.getLogger(TallyExchange.class);

    /** Counting a big store takes a moment; the team's numbers need not be fresher than this. */
    static final java.time.Duration INTERVAL = java.time.Duration.ofMinutes(5);

    private final Coverage coverage;
    private final RelayClient client;
    private final Clock clock;
    private java.time.Instant last;

    public TallyExchange(id.rekam.core.store.StationStore store, RelayClient client, Clock clock) {
        this.coverage = new Coverage(store, clock);
        this.client = client;
        this.clock = clock;
    }

    /** @return tallies of team members that were newer than what this station kept */
    public int exchange() {
        java.time.Instant now = clock.instant();
        if (last != null && now.isBefore(last.plus(INTERVAL))) {
            return 0;
        }
        last = now;
        try {
            client.postTally(coverage.ownTallyJson());
            int merged = 0;
            for (byte[] json : client.officeTallies()) {
                try {
                    if (coverage.mergeTeamTally(Tally.fromJson(json))) {
                        merged++;
                    }
                } catch (IllegalArgumentException e) {
                    LOG.warn("a team tally from the server was not usable: {}", e.getMessage());
                }
            }
            return merged;
        } catch (RelayClient.Refused e) {
            LOG.info("coverage tallies not exchanged: {} {}", e.code(), e.getMessage());
            return 0;
        } catch (SyncFailure e) {
            // Delivery already happened in this pass; the next pass (or the one after) tries again.
            LOG.info("coverage tallies not exchanged: {}", e.getMessage());
            last = null;
            return 0;
        }
    }
}
