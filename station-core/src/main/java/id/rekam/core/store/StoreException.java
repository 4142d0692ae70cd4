package id.rekam.core.store;

import id.rekam.core.text.Bundles;

import java.util.Locale;

/**
 * A failure the station must explain to a person. The text comes from
 * {@code id/rekam/core/store/messages*.properties}: Bahasa Indonesia by default, English on
 * request. {@link #getMessage()} gives the default (Indonesian) text.
 */
public class StoreException extends RuntimeException implements id.rekam.core.text.LocalizedProblem {

    static final String BUNDLE = "id.rekam.core.store.messages";

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

    @Override
    public String messageKey() {
        return messageKey;
    }

    /** The message in the operator's language; unknown languages get Bahasa Indonesia. */
    @Override
    public String localizedMessage(Locale locale) {
        return format(locale, messageKey, args);
    }

    static String format(Locale locale, String key, Object... args) {
        return Bundles.format(BUNDLE, locale, key, args);
    }
}
