package id.rekam.core.store;

import id.rekam.core.audit.AuditVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tampering an attacker with the database file could do, and what verify reports. */
class AuditChainTest {

    @TempDir
    Path dir;

    private StationStore store;
    private Connection c;

    @BeforeEach
    void fill() throws Exception {
        store = TestStores.create(dir, TestStores.fastOptions());
        for (int i = 0; i < 9; i++) {
            store.audit("operator1", "RECEIPT_PRINTED", "r" + i, Map.of("copy", i));
        }
        c = store.database().connection();
        assertThat(store.verify().audit()).isEqualTo(AuditVerification.ok(11)); // 9 + STORE_INITIALISED + STATE_SEALED
        // An attacker can drop the append-only triggers; the chain must still tell.
        exec("DROP TRIGGER audit_log_no_update");
        exec("DROP TRIGGER audit_log_no_delete");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void exec(String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    void triggersRefuseUpdatesAndDeletesInTheFirstPlace() throws Exception {
        exec("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'append-only'); END");
        assertThatThrownBy(() -> exec("UPDATE audit_log SET actor = 'x' WHERE seq = 2")).hasMessageContaining("append-only");
    }

    @Test
    void modifiedEntryIsNamed() throws Exception {
        exec("UPDATE audit_log SET details = '{\"copy\":99}' WHERE seq = 5");
        AuditVerification v = store.verify().audit();
        assertThat(v.firstBadSeq()).hasValue(5);
        assertThat(v.problem()).contains("altered");
    }

    @Test
    void deletedEntryIsNamed() throws Exception {
        exec("DELETE FROM audit_log WHERE seq = 4");
        AuditVerification v = store.verify().audit();
        assertThat(v.firstBadSeq()).hasValue(4);
        assertThat(v.problem()).contains("missing");
    }

    @Test
    void deletedEntryWithRenumberingIsNamed() throws Exception {
        exec("DELETE FROM audit_log WHERE seq = 4");
        exec("UPDATE audit_log SET seq = seq - 1 WHERE seq > 4");
        assertThat(store.verify().audit().firstBadSeq()).hasValue(4);
    }

    @Test
    void reorderedEntriesAreNamed() throws Exception {
        exec("UPDATE audit_log SET seq = -6 WHERE seq = 6");
        exec("UPDATE audit_log SET seq = 6 WHERE seq = 7");
        exec("UPDATE audit_log SET seq = 7 WHERE seq = -6");
        assertThat(store.verify().audit().firstBadSeq()).hasValue(6);
    }

    @Test
    void truncatedTailIsNamed() throws Exception {
        exec("DELETE FROM audit_log WHERE seq >= 9");
        AuditVerification v = store.verify().audit();
        assertThat(v.firstBadSeq()).hasValue(9);
        assertThat(v.problem()).contains("missing");
    }

    @Test
    void recomputingThePlainHashIsNotEnough() throws Exception {
        // Rewriting an entry and chaining a fresh SHA-256 does not verify: hashes are keyed.
        exec("UPDATE audit_log SET actor = 'mallory', hash = randomblob(32) WHERE seq = 3");
        assertThat(store.verify().audit().firstBadSeq()).hasValue(3);
    }

    @Test
    void personalDataIsRefusedInDetails() {
        assertThatThrownBy(() -> store.audit("op", "X", "r", Map.of("nik", "3276014509870001")))
                .isInstanceOf(IllegalArgumentException.class);
        // A hex digest with a run of digits is not a NIK.
        store.audit("op", "X", "r", Map.of("sha", "ab1234567890123456789cd"));
    }
}
