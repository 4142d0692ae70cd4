package id.rekam.devices;

import java.util.Arrays;
import java.util.Locale;

/**
 * A device failure the operator must see. It carries a message key so the UI can show it
 * in the operator's language; {@link #getMessage()} is the English text for logs.
 */
public class DeviceException extends Exception {

    private final String key;
    private final transient Object[] args;

    public DeviceException(String key, Object... args) {
        this(null, key, args);
    }

    public DeviceException(Throwable cause, String key, Object... args) {
        super(DeviceMessages.format(Locale.ENGLISH, key, args), cause);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return Arrays.copyOf(args, args.length);
    }

    /** The message in the given locale (Bahasa Indonesia: {@link DeviceMessages#INDONESIAN}). */
    public String message(Locale locale) {
        return DeviceMessages.format(locale, key, args);
    }
}
