package id.rekam.core.cards;

import java.time.Instant;

/** A card as the office sees it; the owner's identity is only reachable through {@link CardRegistry#owner}. */
public record Card(String serial, String batchId, CardState state, Instant stateSince, HolderKind holderKind,
                   String holder, String recordId, String villageCode, Instant receivedAt) {
}
