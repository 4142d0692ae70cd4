package id.rekam.sync;

import id.rekam.sync.api.CentralApi;
import id.rekam.sync.api.FeedPage;

/**
 * Reads the feedback feed from the stored cursor and hands each page — every entry already
 * checked against the pinned server key by {@link CentralApi#feedback} — to the station side,
 * which applies the verdicts and carries out the commands (unlocked) or keeps them for the next
 * unlock (locked), and stores the cursor after the page. A crash in between re-reads the page,
 * which is harmless because applying a verdict is idempotent. An entry of a type this version
 * does not know is skipped (docs/sync-protocol.md §6); it never changes a packet.
 */
public final class FeedPuller {

    static final int PAGE = 200;

    private final StationSide side;
    private final CentralApi api;

    public FeedPuller(StationSide side, CentralApi api) {
        this.side = side;
        this.api = api;
    }

    /** @return how many feed items about packets were applied or kept */
    public int pull() throws SyncFailure {
        int applied = 0;
        String cursor = side.feedCursor().orElse("0");
        while (true) {
            FeedPage page = api.feedback(cursor, PAGE);
            applied += side.feedPage(page.items(), page.nextCursor());
            cursor = page.nextCursor();
            if (!page.hasMore() || page.items().isEmpty()) {
                side.feedRead();
                return applied;
            }
        }
    }
}
