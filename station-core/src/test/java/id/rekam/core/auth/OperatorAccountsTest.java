package id.rekam.core.auth;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditEntry;
import id.rekam.core.crypto.KdfParams;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorAccountsTest {

    @TempDir
    Path dir;

    private final TestStores.MutableClock clock = new TestStores.MutableClock(Instant.parse("2026-11-25T01:00:00Z"));
    private StationStore store;
    private OperatorAccounts accounts;

    @BeforeEach
    void open() {
        store = TestStores.create(dir, TestStores.fastOptions(clock));
        accounts = store.operators();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void firstSupervisorOnlyOnceThenSupervisorsCreateAccounts() {
        assertThat(accounts.supervisorExists()).isFalse();
        accounts.createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        assertThat(accounts.supervisorExists()).isTrue();
        assertThatThrownBy(() -> accounts.createFirstSupervisor("spv2", "rahasia-spv2".toCharArray()))
                .isInstanceOfSatisfying(AuthException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("auth.supervisorExists"));
        accounts.createAccount("spv", "op1", Role.OPERATOR, "operator-1!".toCharArray());
        assertThatThrownBy(() -> accounts.createAccount("op1", "op2", Role.SUPERVISOR, "operator-2!".toCharArray()))
                .isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> accounts.createAccount("spv", "op1", Role.TECHNICIAN, "operator-3!".toCharArray()))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.messageKey()).isEqualTo("auth.userExists"));
        assertThatThrownBy(() -> accounts.createAccount("spv", "op3", Role.OPERATOR, "short".toCharArray()))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.messageKey()).isEqualTo("auth.weakPassword"));
        assertThat(accounts.list()).extracting(Operator::username).containsExactly("op1", "spv");
    }

    @Test
    void loginChecksPasswordOfflineAndIsAudited() {
        accounts.createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        assertThat(accounts.login("spv", "rahasia-spv".toCharArray()).role()).isEqualTo(Role.SUPERVISOR);
        assertThatThrownBy(() -> accounts.login("spv", "salah-sandi".toCharArray())).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> accounts.login("ghost", "rahasia-spv".toCharArray())).isInstanceOf(BadCredentialsException.class);
        assertThat(store.auditTrail(1, 100)).extracting(AuditEntry::action)
                .containsSubsequence(AuditActions.LOGIN_OK, AuditActions.LOGIN_FAILED, AuditActions.LOGIN_FAILED);
        assertThat(store.auditTrail(1, 100)).noneMatch(e -> e.toString().contains("ghost"));
    }

    @Test
    void fiveFailuresLockForFifteenMinutesEvenWithTheRightPassword() {
        accounts.createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> accounts.login("spv", "salah".toCharArray())).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> accounts.login("spv", "salah".toCharArray()))
                .isInstanceOfSatisfying(AccountLockedException.class,
                        e -> assertThat(e.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15))));
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThatThrownBy(() -> accounts.login("spv", "rahasia-spv".toCharArray())).isInstanceOf(AccountLockedException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(accounts.login("spv", "rahasia-spv".toCharArray()).username()).isEqualTo("spv");
        // The count starts afresh after a successful login.
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> accounts.login("spv", "salah".toCharArray())).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(accounts.login("spv", "rahasia-spv".toCharArray()).username()).isEqualTo("spv");
        assertThat(store.auditTrail(1, 100)).extracting(AuditEntry::action).contains(AuditActions.ACCOUNT_LOCKED);
    }

    @Test
    void hashesAreSaltedAndComparedByValue() {
        PasswordHasher h = new PasswordHasher(1_000);
        PasswordHasher.Hash a = h.hash("same-password".toCharArray());
        PasswordHasher.Hash b = h.hash("same-password".toCharArray());
        assertThat(a.hash()).isNotEqualTo(b.hash());
        assertThat(PasswordHasher.matches("same-password".toCharArray(), a)).isTrue();
        assertThat(PasswordHasher.matches("same-passwore".toCharArray(), a)).isFalse();
    }

    @Test
    void productionCostsMeetTheFloor() {
        assertThat(KdfParams.PRODUCTION.passphraseIterations()).isGreaterThanOrEqualTo(600_000);
        assertThat(KdfParams.PRODUCTION.passwordIterations()).isGreaterThanOrEqualTo(210_000);
        assertThat(id.rekam.core.store.StoreOptions.defaults().kdf()).isSameAs(KdfParams.PRODUCTION);
    }
}
