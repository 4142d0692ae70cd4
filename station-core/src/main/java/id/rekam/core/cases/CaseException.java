package id.rekam.core.cases;

import id.rekam.core.text.Bundles;
import id.rekam.core.text.LocalizedException;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A refused case operation, explained to a person ({@code id/rekam/core/cases/messages*.properties}).
 * Thrown before or inside the transaction, so nothing of the operation remains.
 */
public class CaseException extends LocalizedException {

    static final String BUNDLE = "id.rekam.core.cases.messages";

    public CaseException(String messageKey, Object... args) {
        super(BUNDLE, messageKey, args);
    }

    /** States are named in the reader's language. */
    @Override
    protected Object shown(ResourceBundle bundle, Locale locale, Object arg) {
        return arg instanceof CaseState s ? Bundles.format(bundle, locale, "state." + s.name()) : arg;
    }
}
