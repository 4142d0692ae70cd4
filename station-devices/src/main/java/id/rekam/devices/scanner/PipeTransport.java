package id.rekam.devices.scanner;

import java.time.Duration;
import java.util.Arrays;

/**
 * An in-memory, two-ended byte pipe standing in for a serial line: what one end writes the
 * other reads. Used by tests of the scanner logic and by demo mode where no pseudo-terminal can be made.
 * Closing either end closes the line; the other end then reads what was left, then fails.
 */
public final class PipeTransport implements R30xTransport {

    private static final class Buffer {
        private byte[] data = new byte[4096];
        private int start;
        private int end;
        private boolean closed;
    }

    private final String name;
    private final Buffer inbound;
    private final Buffer outbound;

    private PipeTransport(String name, Buffer inbound, Buffer outbound) {
        this.name = name;
        this.inbound = inbound;
        this.outbound = outbound;
    }

    /** Two connected ends: [0] the host side, [1] the device side. */
    public static PipeTransport[] pair(String name) {
        Buffer a = new Buffer();
        Buffer b = new Buffer();
        return new PipeTransport[] {new PipeTransport(name, a, b), new PipeTransport(name + " (device side)", b, a)};
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void write(byte[] bytes) throws R30xException {
        synchronized (outbound) {
            if (outbound.closed) {
                throw new R30xException.Closed(name, null);
            }
            int used = outbound.end - outbound.start;
            if (outbound.end + bytes.length > outbound.data.length) {
                byte[] grown = new byte[Math.max(outbound.data.length * 2, used + bytes.length)];
                System.arraycopy(outbound.data, outbound.start, grown, 0, used);
                outbound.data = grown;
                outbound.start = 0;
                outbound.end = used;
            }
            System.arraycopy(bytes, 0, outbound.data, outbound.end, bytes.length);
            outbound.end += bytes.length;
            outbound.notifyAll();
        }
    }

    @Override
    public byte[] read(int count, Duration timeout) throws R30xException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inbound) {
            while (inbound.end - inbound.start < count) {
                if (inbound.closed) {
                    throw new R30xException.Closed(name, null);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new R30xException.Timeout(name, timeout.toMillis());
                }
                try {
                    inbound.wait(Math.max(1, left / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new R30xException.Closed(name, e);
                }
            }
            byte[] out = Arrays.copyOfRange(inbound.data, inbound.start, inbound.start + count);
            inbound.start += count;
            return out;
        }
    }

    @Override
    public void discardInput() {
        synchronized (inbound) {
            inbound.start = inbound.end;
        }
    }

    @Override
    public boolean isOpen() {
        synchronized (inbound) {
            return !inbound.closed;
        }
    }

    @Override
    public void close() {
        for (Buffer b : new Buffer[] {inbound, outbound}) {
            synchronized (b) {
                b.closed = true;
                b.notifyAll();
            }
        }
    }
}
