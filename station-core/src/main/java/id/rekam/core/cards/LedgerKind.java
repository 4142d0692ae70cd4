package id.rekam.core.cards;

/** Movements of blank cards (blanko). RECEIVED adds to the stock; the others take from it. */
public enum LedgerKind {
    RECEIVED,
    USED,
    SPOILED,
    RETURNED;

    int sign() {
        return this == RECEIVED ? 1 : -1;
    }
}
