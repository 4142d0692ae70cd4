package id.rekam.app.cards;

import id.rekam.app.ports.CardService;
import id.rekam.app.ui.AppContext;
import id.rekam.core.cards.BlankLedger;
import id.rekam.core.cards.CardException;
import id.rekam.core.cards.CardRegistry;
import id.rekam.core.cards.DestructionRegister;
import id.rekam.core.cards.HandOverService;

import java.time.ZoneId;
import java.util.Locale;

/** The unlocked store's card services, shared by the card screens, and their failures in the operator's language. */
public final class CardDesk {

    private final CardService cards;
    private final Locale locale;

    public CardDesk(CardService cards, Locale locale) {
        this.cards = cards;
        this.locale = locale;
    }

    static CardDesk of(AppContext ctx) {
        return new CardDesk(ctx.session().store().cards(), ctx.config().locale());
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

    /** The text to show for a failure: card errors in the operator's language, anything else by its message. */
    public String explain(Throwable t) {
        if (t instanceof CardException c) {
            return c.localizedMessage(locale);
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
