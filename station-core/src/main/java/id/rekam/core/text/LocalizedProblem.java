package id.rekam.core.text;

import java.util.Locale;

/**
 * A failure whose text for the person at the station comes from a resource bundle, by key. The
 * desk shows {@link #localizedMessage} (or its own wording for the key) instead of the
 * exception's message, which is for logs.
 */
public interface LocalizedProblem {

    String messageKey();

    String localizedMessage(Locale locale);
}
