package id.rekam.app.ui;

import id.rekam.app.ports.DeviceFailure;
import id.rekam.app.ports.FingerprintService;
import id.rekam.app.ports.ProvisioningException;
import id.rekam.core.export.ExportException;
import id.rekam.core.text.LocalizedProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * What a failure means for the person at the desk, in the desk's language, from message keys:
 * never an exception's own message, which is for logs and may be English, name a file path or a
 * class. Known failures (devices, the store, cards, provisioning, export, network, disk) have
 * their own wording; anything else is "unexpected" with a short reference that the log repeats
 * next to the whole stack trace, so a technician can find it.
 */
public final class ErrorText {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorText.class);

    private final ResourceBundle bundle;
    private final Locale locale;

    public ErrorText(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** A device's failure: "{device} …, what to do". */
    public String device(DeviceFailure failure, String deviceKey) {
        return text("device.failure." + failure.name(), text("device." + deviceKey));
    }

    public String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FingerprintService.ScanException s) {
                return device(s.failure(), "fingerprint");
            }
            if (t instanceof LocalizedProblem p) {
                // The desk's own wording where the store's names a path (a corrupt database file).
                String own = "problem." + p.messageKey();
                return bundle.containsKey(own) ? text(own) : p.localizedMessage(locale);
            }
            if (t instanceof id.rekam.app.ports.StoreGateway.WeakPassphraseException w) {
                return text("passphrase.weak." + w.weakness().name(),
                        id.rekam.core.auth.PassphrasePolicy.MIN_LENGTH, id.rekam.core.auth.PassphrasePolicy.MIN_DISTINCT);
            }
            if (t instanceof ProvisioningException p) {
                return text("provisioning.error." + p.problem().name());
            }
            if (t instanceof ExportException x) {
                return text("provisioning.export.error." + x.problem().name());
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return text("problem.network");
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof java.io.UncheckedIOException) {
                return text("problem.disk");
            }
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("unexpected failure shown to the operator as reference {}", reference, failure);
        return text("problem.unexpected", reference);
    }

    private String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
