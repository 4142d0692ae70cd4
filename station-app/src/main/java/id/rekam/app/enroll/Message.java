package id.rekam.app.enroll;

import id.rekam.app.ports.NikCheck;

/** A message shown next to a field: bundle key, arguments and whether it blocks saving. */
public record Message(NikCheck.Severity severity, String key, Object... args) {

    public static Message error(String key, Object... args) {
        return new Message(NikCheck.Severity.ERROR, key, args);
    }

    public boolean blocking() {
        return severity == NikCheck.Severity.ERROR;
    }
}
