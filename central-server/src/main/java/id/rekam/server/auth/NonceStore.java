package id.rekam.server.auth;

import id.rekam.server.store.Database;

import java.time.Clock;
import java.time.Duration;

/**
 * Nonces seen within the replay window, kept in SQLite so a restarted server still refuses
 * a replay of a request it accepted just before it went down.
 */
public final class NonceStore {

    private final Database db;
    private final Clock clock;
    private final Duration window;
    private long lastPurge;

    public NonceStore(Database db, Clock clock, Duration window) {
        this.db = db;
        this.clock = clock;
        this.window = window;
    }

    /** @return false when this station already used this nonce inside the window */
    public boolean firstUse(String stationId, String nonce, long timestampSeconds) {
        purgeNowAndThen();
        // Not synced on its own: the request it guards syncs its change (and with it this row,
        // same WAL) before it answers; a request that changes nothing cannot be replayed to effect.
        return db.txWithoutSync(c -> Database.update(c,
                "INSERT OR IGNORE INTO nonces(station_id, nonce, ts) VALUES (?,?,?)",
                stationId, nonce, timestampSeconds)) == 1;
    }

    private void purgeNowAndThen() {
        long now = clock.millis();
        if (now - lastPurge > 60_000) {
            lastPurge = now;
            // A request older than the window is refused by its timestamp anyway, so its nonce may go;
            // twice the window leaves room for a client clock ahead of ours.
            long cutoff = now / 1000 - 2 * window.toSeconds();
            db.update("DELETE FROM nonces WHERE ts < ?", cutoff);
        }
    }
}
