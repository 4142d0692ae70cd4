package id.rekam.core.store;

import java.nio.file.Path;
import java.util.Optional;

/** The database file fails SQLite's integrity check or is not a database at all. */
public class CorruptStoreException extends StoreException {

    private final transient Path database;
    private final transient Path lastBackup;

    public CorruptStoreException(Path database, Optional<Path> lastBackup, String detail) {
        super(lastBackup.isPresent() ? "store.corrupt" : "store.corruptNoBackup",
                database.toString(), lastBackup.map(Path::toString).orElse(""), detail);
        this.database = database;
        this.lastBackup = lastBackup.orElse(null);
    }

    public Path database() {
        return database;
    }

    public Optional<Path> lastBackup() {
        return Optional.ofNullable(lastBackup);
    }
}
