package id.rekam.sync.api;

import com.fasterxml.jackson.databind.JsonNode;

/** One entry of the feedback feed; {@code fields} is the whole item for type-specific data. */
public record FeedItem(String cursor, String type, String packetId, JsonNode fields) {
}
