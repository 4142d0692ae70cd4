package id.rekam.core.cards;

import id.rekam.core.text.Bundles;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A refused card operation, explained to a person. Text from
 * {@code id/rekam/core/cards/messages*.properties}: Bahasa Indonesia by default, English on
 * request. Thrown before or inside the transaction, so nothing of the operation remains.
 */
public class CardException extends RuntimeException implements id.rekam.core.text.LocalizedProblem {

    static final String BUNDLE = "id.rekam.core.cards.messages";

    private final String messageKey;
    private final transient Object[] args;

    public CardException(String messageKey, Object... args) {
        super(format(Locale.ROOT, messageKey, args));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public String localizedMessage(Locale locale) {
        return format(locale, messageKey, args);
    }

    static String format(Locale locale, String key, Object... args) {
        ResourceBundle bundle = Bundles.get(BUNDLE, locale);
        Object[] shown = args.clone();
        try {
            for (int i = 0; i < shown.length; i++) {
                if (shown[i] instanceof CardState s) {
                    shown[i] = bundle.getString("state." + s.name());
                }
            }
        } catch (MissingResourceException e) {
            return key;
        }
        return Bundles.format(bundle, locale, key, shown);
    }
}
