package id.rekam.sync;

import id.rekam.core.store.StationStore;
import id.rekam.sync.api.CentralApi;
import id.rekam.sync.api.FeedItem;
import id.rekam.sync.api.FeedPage;
import id.rekam.sync.api.ServerState;

/**
 * Reads the feedback feed from the stored cursor and applies each verdict. The cursor is
 * stored after its page was applied; a crash in between re-reads the page, which is harmless
 * because applying a verdict is idempotent. An item of an unknown type stops the pull before
 * it, so nothing after it is skipped unseen.
 */
public final class FeedPuller {

    static final int PAGE = 200;

    private final StationStore store;
    private final CentralApi api;
    private final VerdictApplier verdicts;

    public FeedPuller(StationStore store, CentralApi api, VerdictApplier verdicts) {
        this.store = store;
        this.api = api;
        this.verdicts = verdicts;
    }

    /** @return how many feed items were applied */
    public int pull() throws SyncFailure {
        int applied = 0;
        String cursor = store.outbox().feedCursor().orElse("0");
        while (true) {
            FeedPage page = api.feedback(cursor, PAGE);
            for (FeedItem item : page.items()) {
                ServerState state = ServerState.fromWire(item.type());
                verdicts.apply(item.packetId(), state, item.fields());
                applied++;
            }
            if (!page.nextCursor().equals(cursor)) {
                cursor = page.nextCursor();
                store.outbox().recordFeedCursor(cursor);
            }
            if (!page.hasMore() || page.items().isEmpty()) {
                return applied;
            }
        }
    }
}
