package id.rekam.bench;

import id.rekam.core.domain.Gender;
import id.rekam.core.domain.Nik;
import id.rekam.core.store.StationStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * BENCHMARK ONLY. Fills a store with summary-only records (sealed summary + NIK blind index,
 * a tiny sealed placeholder body) in one transaction, so a 100k-record database takes seconds
 * instead of 22 GB of payload. The NIK lookup that is then measured is the real
 * {@link StationStore#findByNik} path. Writes rows through the store's public transaction API
 * ({@link id.rekam.core.store.StoreTransaction}: connection, blind index, sealing as a capture does).
 */
public final class BenchBulkLoader {

    private static final String[] GIVEN = {"SITI", "BUDI", "DEWI", "AGUS", "RINA", "JOKO", "SRI", "ANDI"};
    private static final String[] FAMILY = {"RAHAYU", "SANTOSO", "LESTARI", "WIBOWO", "SUSANTI", "HIDAYAT"};

    private BenchBulkLoader() {
    }

    /** Inserts {@code count} records; returns their NIKs in insertion order. */
    public static List<Nik> load(StationStore store, int count, long seed) {
        Random random = new Random(seed);
        Nik[] niks = new Nik[count];
        long now = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
        store.inTransaction(tx -> {
            Connection c = tx.connection();
            try (PreparedStatement r = c.prepareStatement("INSERT INTO records "
                    + "(id, nik_bidx, summary, operator_id, captured_at, committed_at) VALUES (?,?,?,?,?,?)");
                 PreparedStatement p = c.prepareStatement("INSERT INTO packets (id, record_id, kind, sha256, "
                         + "signature, body_length, body, created_at) VALUES (?,?,?,?,?,?,?,?)");
                 PreparedStatement o = c.prepareStatement(
                         "INSERT INTO outbox (packet_id, state, state_since) VALUES (?, 'CAPTURED', ?)")) {
                for (int i = 0; i < count; i++) {
                    String id = new UUID(random.nextLong(), random.nextLong()).toString();
                    // Unique by construction: (day, month, year, serial) is a one-to-one function of i.
                    Nik nik = Nik.of(String.format(Locale.ROOT, "327601%02d%02d%02d%04d", 1 + i % 28,
                            1 + (i / 28) % 12, (i / 336) % 100, 1 + i / 33_600));
                    niks[i] = nik;
                    byte[] summary = tx.sealSummary(id, nik,
                            GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)],
                            LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                            random.nextBoolean() ? Gender.LAKI_LAKI : Gender.PEREMPUAN, "32.76.01.1001");
                    r.setString(1, id);
                    r.setBytes(2, tx.nikIndex(nik));
                    r.setBytes(3, summary);
                    r.setString(4, "bench");
                    r.setString(5, Instant.ofEpochMilli(now + i).toString());
                    r.setLong(6, now + i);
                    r.addBatch();
                    p.setString(1, id);
                    p.setString(2, id);
                    p.setString(3, "enrollment");
                    p.setString(4, "0".repeat(64));
                    p.setBytes(5, new byte[64]);
                    p.setLong(6, 1);
                    p.setBytes(7, tx.sealPacketBody(id, new byte[1]));
                    p.setLong(8, now + i);
                    p.addBatch();
                    o.setString(1, id);
                    o.setLong(2, now + i);
                    o.addBatch();
                    if (i % 1000 == 999) {
                        r.executeBatch();
                        p.executeBatch();
                        o.executeBatch();
                    }
                }
                r.executeBatch();
                p.executeBatch();
                o.executeBatch();
            }
            return null;
        });
        return List.of(niks);
    }
}
