package id.rekam.core.store;

import id.rekam.core.crypto.KdfParams;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.MovableClock;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Fast, deterministic store setups for tests. */
public final class TestStores {

    public static final String STATION = "ST-32760101-01";
    public static final String VILLAGE = "32.76.01.1001";
    public static final char[] PASSPHRASE = "uji-frasa-sandi-stasiun".toCharArray();

    private TestStores() {
    }

    /** A clock tests move by hand, in UTC. */
    public static final class MutableClock extends MovableClock {
        public MutableClock(Instant start) {
            super(start, ZoneOffset.UTC);
        }
    }

    public static StoreOptions fastOptions(Clock clock) {
        return StoreOptions.defaults().withKdf(KdfParams.forTestsOnly(1_000, 1_000)).withClock(clock);
    }

    public static StoreOptions fastOptions() {
        return fastOptions(new MutableClock(Instant.parse("2026-11-25T03:00:00Z")));
    }

    public static StationStore create(Path dir, StoreOptions options) {
        return StationStore.initialise(dir, PASSPHRASE, STATION, options);
    }

    public static DemoRecords demo(long seed) {
        return new DemoRecords(seed, VILLAGE, STATION);
    }

    /**
     * Pins a central server (loopback address, a fresh signing key and packet key) and seals the
     * queue to it. @return the server's packet key pair {private, public}
     */
    public static byte[][] pinServer(StationStore store) {
        byte[][] packet = id.rekam.core.crypto.PacketSeal.newServerKeyPair();
        store.pinServer(new id.rekam.core.trust.ServerTrust(java.net.URI.create("http://127.0.0.1:8080/"), null,
                new id.rekam.core.trust.ServerKeys(id.rekam.core.trust.Ed25519Raw.publicKey(
                        id.rekam.core.trust.Ed25519Raw.newSeed()), packet[1]), Instant.now()), "test");
        return packet;
    }
}
