package id.rekam.core.text;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A refused operation explained to a person: a message key and its arguments in a bundle of the
 * core (Bahasa Indonesia by default, English on request). {@link #getMessage()} is the Indonesian
 * text; {@link #localizedMessage(Locale)} the reader's. Subclasses name their bundle and may show an
 * argument in words (a state's name).
 */
public abstract class LocalizedException extends RuntimeException implements LocalizedProblem {

    private final String bundle;
    private final String messageKey;
    private final transient Object[] args;

    protected LocalizedException(String bundle, String messageKey, Object... args) {
        super(messageKey);
        this.bundle = bundle;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public String getMessage() {
        return format(Locale.ROOT);
    }

    @Override
    public String localizedMessage(Locale locale) {
        return format(locale);
    }

    private String format(Locale locale) {
        ResourceBundle b = Bundles.get(bundle, locale);
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            shown[i] = shown(b, locale, shown[i]);
        }
        return Bundles.format(b, locale, messageKey, shown);
    }

    /** How an argument reads in the message; as it is, unless a subclass words it. */
    protected Object shown(ResourceBundle bundle, Locale locale, Object arg) {
        return arg;
    }
}
