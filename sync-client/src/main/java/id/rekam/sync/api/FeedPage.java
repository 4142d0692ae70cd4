package id.rekam.sync.api;

import java.util.List;

public record FeedPage(List<FeedItem> items, String nextCursor, boolean hasMore) {
}
