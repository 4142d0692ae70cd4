package id.rekam.app.cards;

import id.rekam.app.core.CoreOpenStore;
import id.rekam.app.ui.AppContext;
import id.rekam.core.cards.BlankLedger;
import id.rekam.core.cards.CardException;
import id.rekam.core.cards.CardRegistry;
import id.rekam.core.cards.DestructionRegister;
import id.rekam.core.cards.HandOverService;
import id.rekam.core.store.StationStore;

import java.util.Locale;

/** The card services of station-core over the unlocked store, for the card screens. */
public final class CardDesk {

    private final StationStore store;
    private final CardRegistry registry;
    private final HandOverService handOver;
    private final BlankLedger ledger;
    private final DestructionRegister destruction;
    private final Locale locale;

    public CardDesk(StationStore store, Locale locale) {
        this.store = store;
        this.registry = new CardRegistry(store);
        this.handOver = new HandOverService(store);
        this.ledger = new BlankLedger(store);
        this.destruction = new DestructionRegister(store);
        this.locale = locale;
    }

    static CardDesk of(AppContext ctx) {
        if (!(ctx.session().store() instanceof CoreOpenStore open)) {
            throw new IllegalStateException("card screens need the station-core store");
        }
        return new CardDesk(open.store(), ctx.config().locale());
    }

    public StationStore store() {
        return store;
    }

    public CardRegistry registry() {
        return registry;
    }

    public HandOverService handOver() {
        return handOver;
    }

    public BlankLedger ledger() {
        return ledger;
    }

    public DestructionRegister destruction() {
        return destruction;
    }

    /** The text to show for a failure: card errors in the operator's language, anything else by its message. */
    public String explain(Throwable t) {
        if (t instanceof CardException c) {
            return c.localizedMessage(locale);
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
