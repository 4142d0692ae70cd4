package id.rekam.core.store;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A failure the station must explain to a person. The text comes from
 * {@code id/rekam/core/store/messages*.properties}: Bahasa Indonesia by default, English on
 * request. {@link #getMessage()} gives the default (Indonesian) text.
 */
public class StoreException extends RuntimeException {

    static final String BUNDLE = "id.rekam.core.store.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String messageKey;
    private final transient Object[] args;

    public StoreException(String messageKey, Object... args) {
        this(null, messageKey, args);
    }

    public StoreException(Throwable cause, String messageKey, Object... args) {
        super(format(Locale.ROOT, messageKey, args), cause);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    /** The message in the operator's language; unknown languages get Bahasa Indonesia. */
    public String localizedMessage(Locale locale) {
        return format(locale, messageKey, args);
    }

    static String format(Locale locale, String key, Object... args) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
            return new MessageFormat(bundle.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
