package id.rekam.core.cards;

import id.rekam.core.text.Bundles;
import id.rekam.core.text.LocalizedException;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A refused card operation, explained to a person. Text from
 * {@code id/rekam/core/cards/messages*.properties}: Bahasa Indonesia by default, English on
 * request. Thrown before or inside the transaction, so nothing of the operation remains.
 */
public class CardException extends LocalizedException {

    static final String BUNDLE = "id.rekam.core.cards.messages";

    public CardException(String messageKey, Object... args) {
        super(BUNDLE, messageKey, args);
    }

    /** Card states are named in the reader's language. */
    @Override
    protected Object shown(ResourceBundle bundle, Locale locale, Object arg) {
        return arg instanceof CardState s ? Bundles.format(bundle, locale, "state." + s.name()) : arg;
    }
}
