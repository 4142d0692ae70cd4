package id.rekam.core.cases;

import id.rekam.core.text.Bundles;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A refused case operation, explained to a person: Bahasa Indonesia by default, English on request
 * ({@code id/rekam/core/cases/messages*.properties}). Thrown before or inside the transaction, so
 * nothing of the operation remains.
 */
public class CaseException extends RuntimeException {

    static final String BUNDLE = "id.rekam.core.cases.messages";

    private final String messageKey;
    private final transient Object[] args;

    public CaseException(String messageKey, Object... args) {
        super(format(Locale.ROOT, messageKey, args));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public String localizedMessage(Locale locale) {
        return format(locale, messageKey, args);
    }

    /** States are named in the reader's language. */
    private static String format(Locale locale, String key, Object... args) {
        ResourceBundle bundle = Bundles.get(BUNDLE, locale);
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof CaseState s) {
                shown[i] = Bundles.format(bundle, locale, "state." + s.name());
            }
        }
        return Bundles.format(bundle, locale, key, shown);
    }
}
