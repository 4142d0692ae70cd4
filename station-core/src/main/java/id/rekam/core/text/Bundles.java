package id.rekam.core.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Message bundles of the core. Without the no-fallback control, asking for Bahasa Indonesia
 * on a JVM whose default locale is English returns the English text; the base bundle is the
 * Indonesian one, so it must be the only fallback.
 */
public final class Bundles {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Bundles() {
    }

    public static ResourceBundle get(String baseName, Locale locale) {
        return ResourceBundle.getBundle(baseName, locale, NO_FALLBACK);
    }

    /** The formatted message, or the key itself when the bundle lacks it. */
    public static String format(ResourceBundle bundle, Locale locale, String key, Object... args) {
        try {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public static String format(String baseName, Locale locale, String key, Object... args) {
        return format(get(baseName, locale), locale, key, args);
    }
}
