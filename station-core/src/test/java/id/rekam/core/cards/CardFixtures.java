package id.rekam.core.cards;

import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.TestStores;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A store with a clock, enrollments carrying real SourceAFIS templates, and SQL helpers for assertions. */
public final class CardFixtures {

    static final Instant START = Instant.parse("2026-11-25T03:00:00Z");

    final TestStores.MutableClock clock = new TestStores.MutableClock(START);
    final StationStore store;
    final DemoRecords demo = TestStores.demo(7);

    CardFixtures(Path dir) {
        store = TestStores.create(dir, TestStores.fastOptions(clock));
    }

    /** The supervisor "spv" (custody moves and destruction need one, {@link CustodyPolicy}) and operator "op1". */
    CardFixtures withAccounts() {
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        store.operators().createAccount("spv", "op1", id.rekam.core.auth.Role.OPERATOR, "operator-1!".toCharArray());
        return this;
    }

    /** SourceAFIS templates of the three real sample prints, extracted once per JVM. */
    public static final class Prints {
        public static final byte[] PROBE = template("probe.png");
        public static final byte[] MATCHING = template("matching.png");
        public static final byte[] NONMATCHING = template("nonmatching.png");

        private static byte[] template(String name) {
            try (InputStream in = CardFixtures.class.getResourceAsStream("/fingerprints/" + name)) {
                return FingerprintVerifier.templateFromImage(in.readAllBytes(), 500);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A demo enrollment whose right index is the given real template; the other slots are exceptions. */
    EnrollmentRecord enrollWith(byte[] template) {
        EnrollmentRecord withPrint = EnrollmentBuilder.from(demo.next())
                .onlyPrints(Map.of(FingerPosition.RIGHT_INDEX, template), new byte[] {1}, "PNG", 80).build();
        store.saveEnrollment(withPrint);
        return withPrint;
    }

    long count(String sql) {
        return store.read(tx -> {
            try (PreparedStatement p = tx.connection().prepareStatement(sql); ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Row counts of every card table plus audit and events: a snapshot to prove nothing was half-written. */
    List<Long> footprint() {
        List<Long> out = new ArrayList<>();
        for (String t : List.of("cards", "card_batches", "card_batch_flags", "card_moves", "handovers", "blank_ledger",
                "destructions", "destruction_items", "events", "audit_log")) {
            out.add(count("SELECT count(*) FROM " + t));
        }
        return out;
    }

    static BatchReceipt batch(String id, int declared, String... serials) {
        List<BatchCard> cards = new ArrayList<>();
        for (String s : serials) {
            cards.add(BatchCard.of(s, null));
        }
        return new BatchReceipt(id, declared, cards, "petugas1", "saksi1");
    }
}
