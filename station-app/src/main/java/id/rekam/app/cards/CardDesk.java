package id.rekam.app.cards;

import id.rekam.app.ports.CardService;
import id.rekam.app.ui.AppContext;
import id.rekam.core.cards.BlankLedger;
import id.rekam.core.cards.CardRegistry;
import id.rekam.core.cards.DestructionRegister;
import id.rekam.core.cards.HandOverService;

import java.time.ZoneId;
import java.util.function.Function;

/** The unlocked store's card services, shared by the card screens, and their failures in the operator's language. */
public final class CardDesk {

    private final CardService cards;
    private final Function<Throwable, String> explain;

    /** @param explain a failure's text for the operator ({@link AppContext#explain}) */
    public CardDesk(CardService cards, Function<Throwable, String> explain) {
        this.cards = cards;
        this.explain = explain;
    }

    static CardDesk of(AppContext ctx) {
        return new CardDesk(ctx.session().store().cards(), ctx::explain);
    }

    public ZoneId zone() {
        return cards.zone();
    }

    public CardRegistry registry() {
        return cards.registry();
    }

    public HandOverService handOver() {
        return cards.handOver();
    }

    public BlankLedger ledger() {
        return cards.ledger();
    }

    public DestructionRegister destruction() {
        return cards.destruction();
    }

    /** The text to show for a failure, in the operator's language (card errors by their key). */
    public String explain(Throwable t) {
        return explain.apply(t);
    }
}
