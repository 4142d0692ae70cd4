package id.rekam.server.http;

/**
 * The clock of one exchange on one worker thread. The only way to free a thread blocked in a
 * read or write on the JDK server's blocking socket channel is to interrupt it: the channel is
 * an {@link java.nio.channels.InterruptibleChannel}, so the interrupt closes the connection and
 * the blocked call throws. Interrupting is allowed only while the thread is doing exactly that
 * kind of I/O for this exchange (reading headers, reading the body, sending the answer): never
 * while a handler writes files or the database, where an interrupt would do harm. Every change
 * of phase and every interrupt happen under this object's lock, so an interrupt cannot land
 * after the thread has moved on.
 */
final class ExchangeGuard {

    enum Phase { HEADERS, HANDLING, READING, SENDING, DONE }

    /** For an adapter used without {@link GuardedExecutor}: no limits. */
    static final ExchangeGuard UNGUARDED = new ExchangeGuard(null, null, 0);

    private static final long SECOND = 1_000_000_000L;

    private final Thread worker;
    private final RequestTimeouts limits;
    private final long startNanos;
    private Phase phase = Phase.HEADERS;
    private long bodyStartNanos;
    private long received;
    private long sendStartNanos;
    private boolean expired;

    ExchangeGuard(Thread worker, RequestTimeouts limits, long startNanos) {
        this.worker = worker;
        this.limits = limits;
        this.startNanos = startNanos;
    }

    private boolean enforced() {
        return limits != null;
    }

    /** The handler runs: the headers are in, the body clock starts. */
    synchronized void headersRead() {
        phase = Phase.HANDLING;
        bodyStartNanos = System.nanoTime();
    }

    /** Before each read of the body: a body already past its time is not waited for again. */
    synchronized void beforeRead() {
        if (!enforced()) {
            return;
        }
        if (expired || overdue(Phase.READING, System.nanoTime())) {
            expired = true;
            throw timeout();
        }
        phase = Phase.READING;
    }

    /** After each read of the body (n < 0: end or failure). */
    synchronized void afterRead(long n) {
        if (!enforced()) {
            return;
        }
        phase = Phase.HANDLING;
        if (n > 0) {
            received += n;
        }
        if (expired) {
            // Our interrupt, not anyone else's: the thread goes back to the pool clean.
            Thread.interrupted();
            throw timeout();
        }
    }

    /** The answer is being written. After a timed-out body only the 408 itself is given time. */
    synchronized void sending() {
        phase = Phase.SENDING;
        sendStartNanos = System.nanoTime();
    }

    synchronized void done() {
        phase = Phase.DONE;
    }

    synchronized boolean expired() {
        return expired;
    }

    /** Called by the watchdog: interrupts the worker if its current I/O is past its limit. */
    synchronized void expireIfOverdue(long now) {
        if (!enforced() || phase == Phase.HANDLING || phase == Phase.DONE) {
            return;
        }
        if (overdue(phase, now)) {
            expired = true;
            worker.interrupt();
        }
    }

    private boolean overdue(Phase p, long now) {
        return switch (p) {
            case HEADERS -> now - startNanos > limits.headers().toNanos();
            case READING -> now - startNanos > limits.maxRequest().toNanos()
                    || now - bodyStartNanos > limits.bodyGrace().toNanos() + received * SECOND / limits.bodyMinRate();
            // An exchange whose body timed out gets a second for its 408 before the JDK's
            // read-away of the rest of the body is cut.
            case SENDING -> now - sendStartNanos > (expired ? SECOND : limits.response().toNanos());
            default -> false;
        };
    }

    static ApiException timeout() {
        return new ApiException(408, "request-timeout",
                "the request body did not arrive in time; send the request again");
    }
}
