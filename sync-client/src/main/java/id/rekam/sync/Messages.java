package id.rekam.sync;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-facing texts of the sync client: Bahasa Indonesia by default, English on request. */
public final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("id.rekam.sync.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    public static Messages indonesian() {
        return new Messages(Locale.forLanguageTag("id-ID"));
    }

    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** The reason shown to the operator for a failure. */
    public String reason(SyncFailure f) {
        String key = "failure." + f.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return f.retryAfter().isPresent() && f.kind() == SyncFailure.Kind.RATE_LIMITED
                ? get(key, f.retryAfter().get().toSeconds())
                : get(key, f.detail());
    }
}
