package id.rekam.core.store;

import id.rekam.core.crypto.KdfParams;
import id.rekam.core.field.FieldLimits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Tunables of a store. {@link #defaults()} is what a station runs with; tests replace the
 * clock, lower the KDF cost via {@link KdfParams#forTestsOnly} or cap the size to simulate a
 * full disk.
 *
 * @param backupsToKeep  rolling backups kept in {@code backups/}
 * @param backupInterval a new backup is written on open when the newest is older than this
 * @param maxPageCount   SQLite page limit; 0 = unlimited (the disk is the limit)
 * @param zone           the office's time zone, for "captured today"
 * @param fieldLimits    the offline guardrails; the store refuses a capture that would eat into
 *                       the disk reserve
 * @param usableSpace    free bytes for the data directory (tests simulate a filling disk)
 * @param selfApproval   a supervisor may approve records they recorded themselves (off by default,
 *                       {@link id.rekam.core.commit.CommitPolicy#requireNotOwnRecord})
 */
public record StoreOptions(KdfParams kdf, Clock clock, int backupsToKeep, Duration backupInterval,
                           long maxPageCount, ZoneId zone, FieldLimits fieldLimits,
                           ToLongFunction<Path> usableSpace, boolean selfApproval) {

    public StoreOptions {
        Objects.requireNonNull(kdf, "kdf");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(backupInterval, "backupInterval");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(fieldLimits, "fieldLimits");
        Objects.requireNonNull(usableSpace, "usableSpace");
        if (backupsToKeep < 1) {
            throw new IllegalArgumentException("keep at least one backup");
        }
    }

    public static StoreOptions defaults() {
        return new StoreOptions(KdfParams.PRODUCTION, Clock.systemUTC(), 7, Duration.ofDays(1), 0,
                ZoneId.of("Asia/Jakarta"), FieldLimits.defaults(), StoreOptions::usableBytes, false);
    }

    public StoreOptions withKdf(KdfParams k) {
        return new StoreOptions(k, clock, backupsToKeep, backupInterval, maxPageCount, zone, fieldLimits, usableSpace, selfApproval);
    }

    public StoreOptions withClock(Clock c) {
        return new StoreOptions(kdf, c, backupsToKeep, backupInterval, maxPageCount, zone, fieldLimits, usableSpace, selfApproval);
    }

    public StoreOptions withBackups(int keep, Duration interval) {
        return new StoreOptions(kdf, clock, keep, interval, maxPageCount, zone, fieldLimits, usableSpace, selfApproval);
    }

    public StoreOptions withMaxPageCount(long pages) {
        return new StoreOptions(kdf, clock, backupsToKeep, backupInterval, pages, zone, fieldLimits, usableSpace, selfApproval);
    }

    public StoreOptions withZone(ZoneId z) {
        return new StoreOptions(kdf, clock, backupsToKeep, backupInterval, maxPageCount, z, fieldLimits, usableSpace, selfApproval);
    }

    public StoreOptions withFieldLimits(FieldLimits limits) {
        return new StoreOptions(kdf, clock, backupsToKeep, backupInterval, maxPageCount, zone, limits, usableSpace, selfApproval);
    }

    public StoreOptions withUsableSpace(ToLongFunction<Path> space) {
        return new StoreOptions(kdf, clock, backupsToKeep, backupInterval, maxPageCount, zone, fieldLimits, space, selfApproval);
    }

    /** Lets a supervisor approve their own records (a one-supervisor office); audited per approval. */
    public StoreOptions withSelfApproval(boolean allowed) {
        return new StoreOptions(kdf, clock, backupsToKeep, backupInterval, maxPageCount, zone, fieldLimits, usableSpace,
                allowed);
    }

    /** What the file system says is free for this process; an unreadable store counts as full. */
    static long usableBytes(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }
}
