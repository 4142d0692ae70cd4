package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.store.StationStore;
import id.rekam.sync.api.CentralApi;
import id.rekam.sync.api.FeedItem;
import id.rekam.sync.api.FeedPage;
import id.rekam.sync.api.ServerState;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the feedback feed from the stored cursor and applies each verdict. The cursor is
 * stored after its page was applied; a crash in between re-reads the page, which is harmless
 * because applying a verdict is idempotent. An entry of a type this version does not know is
 * skipped (docs/sync-protocol.md §6) and counted; it never changes a packet.
 */
public final class FeedPuller {

    static final int PAGE = 200;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FeedPuller.class);

    private final StationStore store;
    private volatile long skipped;
    private final CentralApi api;
    private final VerdictApplier verdicts;
    private final CaseEntries cases;

    public FeedPuller(StationStore store, CentralApi api, VerdictApplier verdicts) {
        this.store = store;
        this.api = api;
        this.verdicts = verdicts;
        this.cases = new CaseEntries(store);
    }

    /** Case entries (and case-raising verdicts) that opened no case, by reason. */
    public Map<String, Long> casesRefused() {
        return cases.refused();
    }

    /** Feed entries of unknown type skipped so far. */
    public long skipped() {
        return skipped;
    }

    /** @return how many feed items were applied */
    public int pull() throws SyncFailure {
        int applied = 0;
        String cursor = store.outbox().feedCursor().orElse("0");
        while (true) {
            FeedPage page = api.feedback(cursor, PAGE);
            // Consecutive "accepted" entries are applied in one store transaction (one commit
            // per page instead of one per packet); anything else in between keeps its order.
            Map<String, JsonNode> accepted = new LinkedHashMap<>();
            for (FeedItem item : page.items()) {
                Optional<ServerState> state = ServerState.fromWireIfKnown(item.type());
                if (CaseEntries.concerns(item) && (state.isEmpty() || item.packetId() == null)) {
                    // A case entry, or a case-raising verdict this version has no packet state for.
                    verdicts.applyAccepted(accepted);
                    accepted.clear();
                    cases.take(item);
                    applied++;
                    continue;
                }
                if (state.isEmpty() || item.packetId() == null) {
                    // Protocol §6: later versions add types (card-assigned, station-command);
                    // skip, never treat as a verdict, and move on.
                    LOG.warn("feed entry {} of unknown type '{}' skipped", item.cursor(), item.type());
                    skipped++;
                    continue;
                }
                applied++;
                if (state.get() == ServerState.ACCEPTED) {
                    accepted.put(item.packetId(), item.fields());
                    continue;
                }
                verdicts.applyAccepted(accepted);
                accepted.clear();
                verdicts.apply(item.packetId(), state.get(), item.fields());
                if (CaseEntries.concerns(item)) {
                    // After the verdict: the record is DUPLICATE when its case opens.
                    cases.take(item);
                }
            }
            verdicts.applyAccepted(accepted);
            if (!page.nextCursor().equals(cursor)) {
                cursor = page.nextCursor();
                store.outbox().recordFeedCursor(cursor);
            }
            if (!page.hasMore() || page.items().isEmpty()) {
                cases.takeLocalSources();
                return applied;
            }
        }
    }
}
