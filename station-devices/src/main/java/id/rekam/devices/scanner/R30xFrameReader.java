package id.rekam.devices.scanner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Reads frames from a transport. Bytes before {@code EF 01} are skipped (line noise,
 * the tail of an earlier answer), so the reader resynchronises on the next frame start; so is
 * an {@code EF 01} followed by an unknown packet type or an impossible length, which is the
 * inside of some other frame's data, not a frame.
 */
public final class R30xFrameReader {

    private static final Logger LOG = LoggerFactory.getLogger(R30xFrameReader.class);

    private final R30xTransport transport;

    public R30xFrameReader(R30xTransport transport) {
        this.transport = transport;
    }

    /** The next complete frame; the whole frame must arrive within {@code timeout}. */
    public R30xFrame read(Duration timeout) throws R30xException {
        try {
            return readWithin(timeout);
        } catch (R30xException.Timeout e) {
            // Report the caller's bound, not the sliver that was left when time ran out.
            throw new R30xException.Timeout(transport.name(), timeout.toMillis());
        }
    }

    private R30xFrame readWithin(Duration timeout) throws R30xException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int skipped = 0;
        while (true) {
            skipped += skipToFrameStart(deadline, timeout);
            byte[] head = transport.read(7, remaining(deadline, timeout));
            int pid = head[4] & 0xFF;
            int length = ((head[5] & 0xFF) << 8) | (head[6] & 0xFF);
            if (!knownPid(pid) || length < 2) {
                // EF01 inside someone else's data (the tail of an upload): not a frame, look further.
                skipped += 2 + head.length;
                continue;
            }
            if (skipped > 0) {
                LOG.debug("{}: skipped {} bytes before a frame start", transport.name(), skipped);
            }
            byte[] body = transport.read(length, remaining(deadline, timeout));
            return R30xFrame.fromParts(head, body);
        }
    }

    /** Consumes bytes up to and including the next {@code EF 01}; returns how many came before it. */
    private int skipToFrameStart(long deadline, Duration timeout) throws R30xException {
        int skipped = 0;
        int previous = -1;
        while (true) {
            int b = transport.read(1, remaining(deadline, timeout))[0] & 0xFF;
            if (previous == R30xFrame.START_HIGH && b == R30xFrame.START_LOW) {
                return skipped;
            }
            if (previous >= 0) {
                skipped++;
            }
            previous = b;
        }
    }

    private static boolean knownPid(int pid) {
        return pid == R30xFrame.PID_COMMAND || pid == R30xFrame.PID_DATA || pid == R30xFrame.PID_ACK
                || pid == R30xFrame.PID_END_DATA;
    }

    private Duration remaining(long deadline, Duration total) throws R30xException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new R30xException.Timeout(transport.name(), total.toMillis());
        }
        return Duration.ofNanos(left);
    }
}
