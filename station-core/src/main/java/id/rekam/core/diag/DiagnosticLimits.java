package id.rekam.core.diag;

import java.time.Duration;

/**
 * Where a diagnostic reading turns from ok to warning to failed: the station's policy, written
 * once and used by the technician's screen, {@code rekam diag} and the self-test alike.
 */
public final class DiagnosticLimits {

    /** Clock skew the server still accepts (its signed-request window, docs/sync-protocol.md §3). */
    public static final Duration SKEW_FAILS = Duration.ofSeconds(300);
    /** A drift worth correcting before it reaches the window (a dead CMOS battery drifts daily). */
    public static final Duration SKEW_WARNS = Duration.ofSeconds(30);
    /** Free disk below which a backup (a full copy of the store, VACUUM INTO) may not fit. */
    public static final long FREE_DISK_FAILS = 512L * 1024 * 1024;
    /** Free disk below which a technician should make room soon. */
    public static final long FREE_DISK_WARNS = 2L * 1024 * 1024 * 1024;
    /** Backups are written daily when the store opens; two missed days is a sign. */
    public static final Duration BACKUP_WARNS = Duration.ofDays(2);
    public static final Duration BACKUP_FAILS = Duration.ofDays(7);
    /** A record waiting this long for the server means delivery is stuck. */
    public static final Duration PENDING_WARNS = Duration.ofDays(3);
    /** Software not checked for updates this long may miss fixes. */
    public static final Duration UPDATE_CHECK_WARNS = Duration.ofDays(30);
    /** The desk's photo preview wants a fluid image; below this the operator waits on it. */
    public static final double CAMERA_FPS_WARNS = 10;
    /** Upload rate at which a 300 KB record takes ~5 s: fine. Below, warn; far below, fail. */
    public static final long THROUGHPUT_WARNS_BITS = 512_000;
    public static final long THROUGHPUT_FAILS_BITS = 64_000;

    private DiagnosticLimits() {
    }

    /** Free disk must also hold a full copy of the store. */
    public static Status freeDisk(long freeBytes, long storeBytes) {
        if (freeBytes < Math.max(FREE_DISK_FAILS, storeBytes)) {
            return Status.FAILED;
        }
        return freeBytes < Math.max(FREE_DISK_WARNS, 3 * storeBytes) ? Status.WARNING : Status.OK;
    }

    public static Status skew(Duration skew) {
        Duration abs = skew.abs();
        if (abs.compareTo(SKEW_FAILS) > 0) {
            return Status.FAILED;
        }
        return abs.compareTo(SKEW_WARNS) > 0 ? Status.WARNING : Status.OK;
    }

    public static Status backupAge(Duration age) {
        if (age.compareTo(BACKUP_FAILS) > 0) {
            return Status.FAILED;
        }
        return age.compareTo(BACKUP_WARNS) > 0 ? Status.WARNING : Status.OK;
    }

    /** A camera delivering fewer frames than this makes the desk's preview jerky: a warning. */
    public static Status cameraRate(double framesPerSecond) {
        return framesPerSecond < CAMERA_FPS_WARNS ? Status.WARNING : Status.OK;
    }

    public static Status throughput(long bitsPerSecond) {
        if (bitsPerSecond < THROUGHPUT_FAILS_BITS) {
            return Status.FAILED;
        }
        return bitsPerSecond < THROUGHPUT_WARNS_BITS ? Status.WARNING : Status.OK;
    }
}
