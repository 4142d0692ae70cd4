package id.rekam.core.store;

import java.time.Instant;

/** An autosaved, unfinished recording form. */
public record DraftInfo(String id, Instant updatedAt) {
}
