package id.rekam.core.store;

import java.nio.file.Path;

/** Refuses a capture that would eat into the disk reserve, by the rule in {@code FieldLimits}. */
final class DiskGuard {

    private final Path dataDir;
    private final StoreOptions options;

    DiskGuard(Path dataDir, StoreOptions options) {
        this.dataDir = dataDir;
        this.options = options;
    }

    long usableBytes() {
        return options.usableSpace().applyAsLong(dataDir);
    }

    /** @throws DiskReserveException when writing {@code bytes} more would leave less than the reserve */
    void requireRoomFor(long bytes) {
        long usable = usableBytes();
        if (!options.fieldLimits().capturesAllowed(usable, bytes)) {
            throw new DiskReserveException(usable, options.fieldLimits().diskReserveBytes());
        }
    }
}
