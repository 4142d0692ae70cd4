package id.rekam.diag;

import id.rekam.core.text.Bundles;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The diagnostics' words ({@code id/rekam/diag/messages*.properties}): Bahasa Indonesia by
 * default, English on request, the same for the screen, the command line and the report.
 */
public final class Texts {

    static final String BUNDLE = "id.rekam.diag.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    public Texts(Locale locale) {
        this.locale = locale;
        this.bundle = Bundles.get(BUNDLE, locale);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        return Bundles.format(bundle, locale, key, args);
    }

    public boolean has(String key) {
        try {
            bundle.getString(key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }
}
