package id.rekam.core.cards;

/**
 * Why a card is destroyed, after SE 470.13/11176/SJ (defective blank, damaged, status changed, lost),
 * plus DUPLICATE: the card of a record voided as a KTP ganda (a case's outcome, docs/design/cases.md).
 */
public enum DestructionCategory {
    DEFECTIVE_BLANK,
    DAMAGED,
    INVALID_DATA_CHANGED,
    MOVED_AWAY,
    REPORTED_LOST,
    DUPLICATE
}
