package id.rekam.sync.http;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's idea of "now", learned from {@code X-Rekam-Server-Time} on every answer. A
 * station whose own clock drifted (a dead CMOS battery is common) would otherwise have every
 * request refused as {@code stale-timestamp}; the protocol asks it to sign with its time plus
 * the measured offset.
 */
public final class ServerClock {

    public static final String HEADER = "X-Rekam-Server-Time";

    private final Clock local;
    private final AtomicLong offsetSeconds = new AtomicLong();

    public ServerClock(Clock local) {
        this.local = local;
    }

    /** Unix seconds to put in a request. */
    public long nowSeconds() {
        return local.millis() / 1000 + offsetSeconds.get();
    }

    public long offsetSeconds() {
        return offsetSeconds.get();
    }

    void observe(String header) {
        if (header == null) {
            return;
        }
        try {
            long server = Long.parseLong(header.trim());
            long offset = server - local.millis() / 1000;
            // Within a few seconds the round trip itself is the error; do not chase it.
            offsetSeconds.set(Math.abs(offset) <= 2 ? 0 : offset);
        } catch (NumberFormatException ignored) {
            // not our server's header; the validation step decides what that means
        }
    }
}
