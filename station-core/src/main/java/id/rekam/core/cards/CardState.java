package id.rekam.core.cards;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a printed card is. Every card is in exactly one state; {@link #canMoveTo} is the whole
 * transition table (see docs/design/cards.md):
 *
 * <pre>
 * IN_STOCK    → ASSIGNED, INVALID
 * ASSIGNED    → ASSIGNED (re-assigned), IN_STOCK, HANDED_OVER, INVALID
 * HANDED_OVER → RETURNED
 * RETURNED    → INVALID
 * INVALID     → DESTROYED
 * DESTROYED   → (none)
 * </pre>
 * An invalid card never becomes valid again: the only way out of INVALID is destruction.
 */
public enum CardState {
    IN_STOCK,
    ASSIGNED,
    HANDED_OVER,
    RETURNED,
    INVALID,
    DESTROYED;

    public Set<CardState> next() {
        return switch (this) {
            case IN_STOCK -> EnumSet.of(ASSIGNED, INVALID);
            case ASSIGNED -> EnumSet.of(ASSIGNED, IN_STOCK, HANDED_OVER, INVALID);
            case HANDED_OVER -> EnumSet.of(RETURNED);
            case RETURNED -> EnumSet.of(INVALID);
            case INVALID -> EnumSet.of(DESTROYED);
            case DESTROYED -> EnumSet.noneOf(CardState.class);
        };
    }

    public boolean canMoveTo(CardState target) {
        return next().contains(target);
    }
}
