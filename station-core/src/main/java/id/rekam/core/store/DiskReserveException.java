package id.rekam.core.store;

/**
 * A capture was refused before anything was written because the disk reached its reserve; the
 * message tells the operator what to do (safety bundle, deliver, free space).
 */
public final class DiskReserveException extends StoreFullException {

    private final long usableBytes;
    private final long reserveBytes;

    public DiskReserveException(long usableBytes, long reserveBytes) {
        super("store.diskReserve", megabytes(usableBytes), megabytes(reserveBytes));
        this.usableBytes = usableBytes;
        this.reserveBytes = reserveBytes;
    }

    public long usableBytes() {
        return usableBytes;
    }

    public long reserveBytes() {
        return reserveBytes;
    }

    private static long megabytes(long bytes) {
        return Math.max(0, bytes) / (1024 * 1024);
    }
}
