package id.rekam.diag;

import id.rekam.core.diag.Finding;
import id.rekam.core.diag.Status;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a check, ending in exactly one finding. Its title is the bundle's
 * {@code <id>.title}; the result and the next step are bundle keys formatted with the same
 * arguments. An OK step's next step is "no action needed".
 */
public final class Step {

    static final String NO_ACTION = "next.none";

    private final Probe probe;
    private final String id;
    private final long started;
    private final Map<String, String> facts = new LinkedHashMap<>();

    Step(Probe probe, String id, long started) {
        this.probe = probe;
        this.id = id;
        this.started = started;
    }

    public String id() {
        return id;
    }

    /** A machine-readable reading (a number, a port, a version); never personal data. */
    public Step fact(String key, Object value) {
        facts.put(key, String.valueOf(value));
        return this;
    }

    public Finding ok(String resultKey, Object... args) {
        return end(Status.OK, resultKey, NO_ACTION, args);
    }

    public Finding warn(String resultKey, String nextKey, Object... args) {
        return end(Status.WARNING, resultKey, nextKey, args);
    }

    public Finding fail(String resultKey, String nextKey, Object... args) {
        return end(Status.FAILED, resultKey, nextKey, args);
    }

    public Finding end(Status status, String resultKey, String nextKey, Object... args) {
        Texts t = probe.texts();
        return text(status, t.get(id + ".title"), t.get(resultKey, args), t.get(nextKey, args));
    }

    /** A finding with texts already written (the installer's self-test speaks English to its log). */
    public Finding text(Status status, String title, String result, String nextStep) {
        return probe.emit(new Finding(id, probe.area(), status, title, result, nextStep, facts,
                Math.max(0, probe.now() - started)));
    }
}
