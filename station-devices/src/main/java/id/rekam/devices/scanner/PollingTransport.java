package id.rekam.devices.scanner;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A line read without ever blocking in the kernel: each look takes what has arrived and, when
 * nothing has, naps briefly and looks again. A read can then always give up at its deadline
 * or notice that the line went away, which a blocking read on a hung-up tty cannot.
 */
abstract class PollingTransport implements R30xTransport {

    private static final long FIRST_NAP_NANOS = 50_000;
    private final long maxNapNanos;

    /** {@code maxNap}: the longest pause between looks, i.e. the worst latency added to a reply. */
    PollingTransport(Duration maxNap) {
        this.maxNapNanos = maxNap.toNanos();
    }

    /** What has arrived, into {@code into}: the count, 0 when nothing yet, -1 when the line is gone. */
    protected abstract int readNow(byte[] into, int offset, int length) throws R30xException;

    /** Whether the line can still bring bytes while it is silent (e.g. its device node exists). */
    protected boolean stillThere() {
        return true;
    }

    /** Drops what lower layers hold before {@link #discardInput()} reads the rest away. */
    protected void purge() throws R30xException {
    }

    @Override
    public byte[] read(int count, Duration timeout) throws R30xException {
        byte[] out = new byte[count];
        int filled = 0;
        int idle = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (filled < count) {
            int n = readNow(out, filled, count - filled);
            if (n > 0) {
                filled += n;
                idle = 0;
                continue;
            }
            checkLine(n);
            if (System.nanoTime() > deadline) {
                throw new R30xException.Timeout(name(), timeout.toMillis());
            }
            nap(++idle);
        }
        return out;
    }

    @Override
    public void discardInput() throws R30xException {
        purge();
        byte[] scratch = new byte[4096];
        int n;
        while ((n = readNow(scratch, 0, scratch.length)) > 0) {
            // dropped: the tail of an answer nobody waits for any more
        }
        checkLine(n);
    }

    /** Reads in chunks, not byte by byte: an upload's tail is tens of kilobytes. */
    @Override
    public int drainUntilQuiet(Duration quiet, int limit) throws R30xException {
        discardInput();
        byte[] scratch = new byte[4096];
        int dropped = 0;
        int idle = 0;
        long lastByte = System.nanoTime();
        while (true) {
            int n = readNow(scratch, 0, scratch.length);
            if (n > 0) {
                dropped += n;
                idle = 0;
                lastByte = System.nanoTime();
                if (dropped > limit) {
                    throw new R30xException.Protocol("line does not go quiet: more than " + limit + " bytes");
                }
                continue;
            }
            checkLine(n);
            if (System.nanoTime() - lastByte >= quiet.toNanos()) {
                return dropped;
            }
            nap(++idle);
        }
    }

    /** After a look that brought nothing: gone is gone; silence on a line whose device vanished is gone too. */
    private void checkLine(int lookResult) throws R30xException {
        if (lookResult < 0 || !stillThere()) {
            throw new R30xException.Closed(name(), null);
        }
    }

    private void nap(int idleRounds) {
        LockSupport.parkNanos(Math.min(maxNapNanos, FIRST_NAP_NANOS << Math.min(idleRounds, 10)));
    }
}
