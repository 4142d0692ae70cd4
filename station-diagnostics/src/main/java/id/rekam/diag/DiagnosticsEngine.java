package id.rekam.diag;

import id.rekam.core.diag.Finding;
import id.rekam.core.diag.Status;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs checks side by side, each on its own thread, and waits for each at most its
 * {@link Check#budget()}: a check still running then is interrupted and abandoned (its thread is
 * a daemon, so even a driver call that ignores interrupts cannot keep the station or the command
 * line alive) and reported as not answering. A run therefore ends within the largest budget,
 * whatever the hardware does. A check that throws is reported with what it threw; the others go on.
 */
public final class DiagnosticsEngine {

    private final List<Check> checks;
    private final Texts texts;
    private final Clock clock;

    public DiagnosticsEngine(List<? extends Check> checks, Texts texts, Clock clock) {
        this.checks = List.copyOf(checks);
        this.texts = texts;
        this.clock = clock;
    }

    public List<Check> checks() {
        return checks;
    }

    public Texts texts() {
        return texts;
    }

    public DiagnosticRun run(DiagnosticListener listener) {
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "rekam-diagnostics");
            t.setDaemon(true);
            return t;
        });
        Map<String, List<Finding>> byArea = new LinkedHashMap<>();
        Map<String, BufferedImage> images = new ConcurrentHashMap<>();
        Map<Check, Probe> probes = new LinkedHashMap<>();
        Map<Check, Future<?>> running = new LinkedHashMap<>();
        try {
            for (Check check : checks) {
                List<Finding> found = new CopyOnWriteArrayList<>();
                byArea.put(check.area(), found);
                Probe probe = new Probe(check.area(), texts, clock, f -> {
                    found.add(f);
                    listener.finding(f);
                }, (id, img) -> {
                    images.put(id, img);
                    listener.image(id, img);
                }, listener::prompt);
                probes.put(check, probe);
                listener.started(check.area());
                running.put(check, pool.submit(() -> {
                    check.run(probe);
                    return null;
                }));
            }
            for (Check check : checks) {
                Probe probe = probes.get(check);
                long deadline = t0 + check.budget().toNanos();
                try {
                    running.get(check).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    running.get(check).cancel(true);
                    probe.close();
                    report(byArea, listener, check, "check.timeout", (check.budget().toMillis() + 999) / 1000);
                } catch (ExecutionException e) {
                    probe.close();
                    report(byArea, listener, check, "check.crashed", describe(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running.values().forEach(f -> f.cancel(true));
                    probes.values().forEach(Probe::close);
                    break;
                }
                probe.close();
                listener.finished(check.area());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Finding> all = new ArrayList<>();
        byArea.values().forEach(all::addAll);
        return new DiagnosticRun(start, Duration.ofNanos(System.nanoTime() - t0), all, images);
    }

    private void report(Map<String, List<Finding>> byArea, DiagnosticListener listener, Check check, String key,
                        Object arg) {
        String id = check.area() + ".check";
        Finding f = new Finding(id, check.area(), Status.FAILED, title(check.area()), texts.get(key, arg),
                texts.get(key + ".next"), Map.of(), 0);
        byArea.get(check.area()).add(f);
        listener.finding(f);
    }

    private String title(String area) {
        return texts.has("area." + area) ? texts.get("area." + area) : area;
    }

    /** A throwable without its stack, for people: the innermost cause's type and message. */
    public static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
