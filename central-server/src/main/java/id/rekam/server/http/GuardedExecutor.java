package id.rekam.server.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The JDK server's executor: runs every exchange on the worker pool under an {@link ExchangeGuard}
 * and a watchdog that cuts exchanges whose client is too slow ({@link RequestTimeouts}). It
 * wraps the executor rather than the handler because the JDK reads the request line and headers
 * on the executor's thread before any handler is called: only here can slow headers be timed.
 *
 * <p>Why not {@code sun.net.httpserver.maxReqTime}: the JDK reads it once per JVM (a static
 * field, so not per server and not in tests that start many servers) and it counts the whole
 * request up to the end of the body, so it cannot tell a slow honest upload from a trickle.
 */
public final class GuardedExecutor implements Executor, AutoCloseable {

    private static final ThreadLocal<ExchangeGuard> CURRENT = new ThreadLocal<>();
    /** Limits are enforced to within this tick. */
    static final long TICK_MILLIS = 200;

    private final ExecutorService workers;
    private final RequestTimeouts limits;
    private final Set<ExchangeGuard> active = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog;

    public GuardedExecutor(ExecutorService workers, RequestTimeouts limits) {
        this.workers = workers;
        this.limits = limits;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rekam-server-request-timer");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleAtFixedRate(this::sweep, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The guard of the exchange running on this thread; a no-op one outside the executor. */
    static ExchangeGuard current() {
        ExchangeGuard g = CURRENT.get();
        return g != null ? g : ExchangeGuard.UNGUARDED;
    }

    @Override
    public void execute(Runnable exchange) {
        workers.execute(() -> run(exchange));
    }

    private void run(Runnable exchange) {
        ExchangeGuard guard = new ExchangeGuard(Thread.currentThread(), limits, System.nanoTime());
        active.add(guard);
        CURRENT.set(guard);
        try {
            exchange.run();
        } finally {
            guard.done();
            active.remove(guard);
            CURRENT.remove();
            // A guard's interrupt must not follow the thread into the next exchange.
            Thread.interrupted();
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (ExchangeGuard g : active) {
            g.expireIfOverdue(now);
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
