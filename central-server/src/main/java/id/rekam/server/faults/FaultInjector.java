package id.rekam.server.faults;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The armed faults. Tests arm them directly; demos through {@code /admin/faults}. */
public final class FaultInjector {

    private static final class Armed {
        final Fault fault;
        int remaining;

        Armed(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    private final List<Armed> armed = new ArrayList<>();

    public synchronized void add(Fault fault) {
        if (fault.type() == null || fault.times() == 0 || fault.times() < -1) {
            throw new IllegalArgumentException("a fault needs a type and times >= 1 (or -1 for always)");
        }
        if (fault.type() == Fault.Type.STATUS && (fault.status() < 400 || fault.status() > 599)) {
            throw new IllegalArgumentException("a status fault needs a 4xx/5xx status");
        }
        armed.add(new Armed(fault));
    }

    public synchronized void clear() {
        armed.clear();
    }

    public synchronized List<Fault> list() {
        return armed.stream().map(a -> new Fault(a.fault.type(), a.fault.method(), a.fault.pathPrefix(),
                a.fault.afterBytes(), a.fault.stallMillis(), a.fault.status(), a.fault.retryAfterSeconds(),
                a.remaining)).toList();
    }

    /** The first armed fault matching this request, used up by one. */
    public synchronized Optional<Fault> take(String method, String path) {
        Iterator<Armed> it = armed.iterator();
        while (it.hasNext()) {
            Armed a = it.next();
            if (a.fault.matches(method, path)) {
                if (a.remaining > 0 && --a.remaining == 0) {
                    it.remove();
                }
                return Optional.of(a.fault);
            }
        }
        return Optional.empty();
    }
}
