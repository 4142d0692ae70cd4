package id.rekam.core.store;

import id.rekam.core.audit.AuditVerification;
import id.rekam.core.cards.BatchFlag;
import id.rekam.core.cards.BlankLedger;
import id.rekam.core.cards.Card;
import id.rekam.core.cards.CardMove;
import id.rekam.core.cards.CardRegistry;
import id.rekam.core.cards.DestructionRecord;
import id.rekam.core.cards.DestructionRegister;
import id.rekam.core.crypto.StationKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A station upgraded from V6, whose card tables hold people's names in clear, seals them at the
 * first unlock: the cards read back the same, and no name is left in any file (database, WAL,
 * backups taken before the upgrade).
 */
class CardResealTest {

    private static final List<String> NAMES = List.of("Siti Aminah Saksi", "Joko Widodo Saksi", "Bambang Pamungkas",
            "jari aus karena kerja", "Rina Satpol Pamong", "Drs. Kepala Camat", "198001012005011001",
            "Wulandari Putri");

    @TempDir
    Path dir;

    @Test
    void v6ClearNamesAreSealedAtFirstUnlockAndLeaveNoTraceOnDisk() throws Exception {
        StoreOptions options = TestStores.fastOptions();
        StationKeys.Created created = StationKeys.create(TestStores.PASSPHRASE, 1_000);
        try (Database db = Database.open(dir.resolve(StationStore.DB_FILE), 0)) {
            Connection c = db.connection();
            Migrations.migrateTo(c, 6);
            exec(c, "INSERT INTO station (id, station_id, public_key, created_at) VALUES (1, '" + TestStores.STATION
                    + "', x'00', '2026-11-01T00:00:00Z')");
            try (PreparedStatement p = c.prepareStatement("UPDATE station SET public_key = ?")) {
                p.setBytes(1, created.publicKey());
                p.executeUpdate();
            }
            KeyRingTable.write(c, created.wrapped());
            exec(c, "INSERT INTO card_batches VALUES ('B1', 1, 'petugas1', 'Siti Aminah Saksi', 1)");
            exec(c, "INSERT INTO card_batch_flags VALUES (1, 'B2', 3, 2, '', 'petugas1', 'Joko Widodo Saksi', 2)");
            exec(c, "INSERT INTO cards (serial, batch_id, state, state_since, holder_kind, holder, received_at) "
                    + "VALUES ('KTP-1', 'B1', 'ASSIGNED', 3, 'OFFICER', 'Bambang Pamungkas', 1)");
            exec(c, "INSERT INTO card_moves VALUES (1, 'KTP-1', NULL, 'IN_STOCK', NULL, 'petugas1', 'batch B1', 1, 'e0')");
            exec(c, "INSERT INTO card_moves VALUES (2, 'KTP-1', 'IN_STOCK', 'ASSIGNED', 'Bambang Pamungkas', "
                    + "'petugas1', 'jari aus karena kerja', 3, 'e1')");
            exec(c, "INSERT INTO blank_ledger VALUES (1, '2026-11-20', 'RECEIVED', 10, NULL, 'SPB-7', 'petugas1', 1)");
            exec(c, "INSERT INTO blank_ledger VALUES (2, '2026-11-20', 'SPOILED', 1, 'salah cetak nama Wulandari Putri', "
                    + "NULL, 'petugas1', 2)");
            exec(c, "INSERT INTO cards (serial, state, state_since, received_at) VALUES ('KTP-9', 'DESTROYED', 4, 4)");
            exec(c, "INSERT INTO destructions VALUES ('x1', 'BA-1', '2026-11-20', 'Kupang', 'BURNING', "
                    + "'{\"office\":\"Kecamatan Oebobo\",\"region\":\"Kota Kupang\",\"officer\":{\"name\":"
                    + "\"Drs. Kepala Camat\",\"position\":\"Camat\",\"nip\":\"198001012005011001\"},\"witnesses\":"
                    + "[{\"name\":\"Rina Satpol Pamong\",\"position\":\"Kasi\",\"office\":\"Satpol PP\"}]}', "
                    + "'petugas1', 5)");
            exec(c, "INSERT INTO destruction_items VALUES ('KTP-9', 'DAMAGED', 'petugas1', 4, 'x1')");
            // The daily backup of a V6 station holds the clear names too.
            new Backups(dir, 7).write(c, Instant.parse("2026-11-24T03:00:00Z"));
        }
        List<byte[]> needles = NAMES.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toList();
        assertThat(AtRestEncryptionTest.findNeedles(dir, needles)).isNotEmpty();

        try (StationStore store = StationStore.open(dir, TestStores.PASSPHRASE, options)) {
            assertThat(count(store, "SELECT count(*) FROM card_reseal")).isZero();
            CardRegistry cards = new CardRegistry(store);
            Card card = cards.require("KTP-1");
            assertThat(card.holder()).isEqualTo("Bambang Pamungkas");
            assertThat(cards.history("KTP-1")).extracting(CardMove::holder, CardMove::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "batch B1"),
                            org.assertj.core.groups.Tuple.tuple("Bambang Pamungkas", "jari aus karena kerja"));
            assertThat(cards.flaggedBatches()).extracting(BatchFlag::witnessedBy).containsExactly("Joko Widodo Saksi");
            assertThat(cards.notHandedOver(0).byHolder().get(0).key()).isEqualTo("OFFICER:Bambang Pamungkas");
            assertThat(new BlankLedger(store).entries(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20)))
                    .extracting(BlankLedger.Entry::reason, BlankLedger.Entry::reference)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "SPB-7"),
                            org.assertj.core.groups.Tuple.tuple("salah cetak nama Wulandari Putri", null));
            assertThat(new BlankLedger(store).balance()).isEqualTo(9);
            DestructionRecord ba = new DestructionRegister(store).find("BA-1").orElseThrow();
            assertThat(ba.officer().nip()).isEqualTo("198001012005011001");
            assertThat(ba.witnesses()).singleElement().satisfies(w -> assertThat(w.office()).isEqualTo("Satpol PP"));
            AuditVerification v = store.verify().audit();
            assertThat(v.ok()).as(v.problem()).isTrue();
            assertThat(store.auditTrail(1, 100)).anyMatch(e -> e.action().equals(CardSeals.AUDIT_RESEALED));
            assertThat(AtRestEncryptionTest.findNeedles(dir, needles)).isEmpty();
        }
        try (StationStore again = StationStore.open(dir, TestStores.PASSPHRASE, options)) {
            assertThat(new CardRegistry(again).require("KTP-1").holder()).isEqualTo("Bambang Pamungkas");
        }
        assertThat(AtRestEncryptionTest.findNeedles(dir, needles)).isEmpty();
    }

    private static long count(StationStore store, String sql) {
        return store.read(tx -> {
            try (Statement s = tx.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
