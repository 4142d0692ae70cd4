package id.rekam.sync;

import id.rekam.core.io.DurableFiles;

import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When the central server last answered as itself. Every answer counts, not only the pass's
 * opening probe: a pass that uploads for an hour is in contact all that hour. The interceptor
 * sits outermost in the client, so it sees only answers the validation let through (no portal
 * page, no 5xx, the server's time header present).
 *
 * <p>The moment is also kept in {@code <dataDir>/sync-last-contact} (an ISO instant, nothing
 * else), at most once per {@link #WRITE_EVERY}, so {@code rekam-sync status} in another process
 * shows the running service's contact.
 */
public final class LastContact {

    public static final String FILE = "sync-last-contact";
    static final Duration WRITE_EVERY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(LastContact.class);

    private final Clock clock;
    private final Path file;
    private volatile Instant last;
    private volatile Instant written = Instant.MIN;

    /** @param dataDir the station's data directory, where the moment is kept for other processes */
    public LastContact(Clock clock, Path dataDir) {
        this.clock = clock;
        this.file = dataDir.resolve(FILE);
    }

    /** The last contact known to this process, null before the first. */
    public Instant get() {
        return last;
    }

    public void observe() {
        Instant now = clock.instant();
        last = now;
        if (Duration.between(written, now).compareTo(WRITE_EVERY) >= 0) {
            persist(now);
        }
    }

    /** Counts every answer that reaches the caller, i.e. passed the validation below it. */
    public Interceptor interceptor() {
        return chain -> {
            Response r = chain.proceed(chain.request());
            observe();
            return r;
        };
    }

    /** What a running service last wrote for this data directory. */
    public static Optional<Instant> read(Path dataDir) {
        Path f = dataDir.resolve(FILE);
        try {
            return Files.isRegularFile(f)
                    ? Optional.of(Instant.parse(Files.readString(f, StandardCharsets.US_ASCII).strip()))
                    : Optional.empty();
        } catch (IOException | DateTimeParseException e) {
            LOG.warn("cannot read {}", f, e);
            return Optional.empty();
        }
    }

    private synchronized void persist(Instant now) {
        if (Duration.between(written, now).compareTo(WRITE_EVERY) < 0) {
            return;
        }
        written = now;
        try {
            DurableFiles.write(file, now.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // The in-memory moment stays right; only another process's view lags.
            LOG.warn("cannot write {}", file, e);
        }
    }
}
