package id.rekam.devices;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing texts of the device layer. Bahasa Indonesia is the base bundle; the
 * no-fallback control keeps an English JVM default locale from hijacking {@code id}.
 */
public final class DeviceMessages {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final String BUNDLE = "id.rekam.devices.messages";

    private DeviceMessages() {
    }

    public static String format(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    public static boolean has(String key) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, INDONESIAN,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.containsKey(key);
    }
}
