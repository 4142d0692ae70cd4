package id.rekam.core.equipment;

import id.rekam.core.audit.AuditEntry;
import id.rekam.core.auth.AuthException;
import id.rekam.core.auth.Role;
import id.rekam.core.domain.DeviceRef;
import id.rekam.core.outbox.OutboxEvent;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 17: the register of devices seen and loans between offices, with audit and sync events. */
class LoansTest {

    static final Instant START = Instant.parse("2026-11-25T03:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final DeviceRef KRONJO_SCANNER = new DeviceRef("fps-7f3a91c2d0", "fingerprint-scanner",
            "R30x-compatible (ZFM UART)", "", "Kec. Gunung Kaler", false);

    @TempDir
    Path dir;
    final TestStores.MutableClock clock = new TestStores.MutableClock(START);
    StationStore store;
    EquipmentRegister register;
    Loans loans;

    @BeforeEach
    void open() {
        store = TestStores.create(dir, TestStores.fastOptions(clock));
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        store.operators().createAccount("spv", "tek", Role.TECHNICIAN, "teknisi-1!".toCharArray());
        store.operators().createAccount("spv", "op1", Role.OPERATOR, "operator-1!".toCharArray());
        register = new EquipmentRegister(store);
        loans = new Loans(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyDeviceSeenIsRegisteredOnceAndKeepsTheOwnerRecordedHere() {
        EquipmentItem first = register.seen(KRONJO_SCANNER);
        clock.advance(Duration.ofHours(2));
        register.setOwner(KRONJO_SCANNER.deviceId(), "Kec. Kronjo", "tek");
        EquipmentItem again = register.seen(KRONJO_SCANNER);

        assertThat(register.items()).hasSize(1);
        assertThat(again.firstSeen()).isEqualTo(first.firstSeen()).isEqualTo(START);
        assertThat(again.lastSeen()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(again.ownerOffice()).as("the device layer's default does not overwrite the register").isEqualTo("Kec. Kronjo");
        assertThat(actions()).containsSubsequence(EquipmentRegister.AUDIT_REGISTERED, EquipmentRegister.AUDIT_OWNER);
        assertThat(actions()).filteredOn(EquipmentRegister.AUDIT_REGISTERED::equals).hasSize(1);
    }

    @Test
    void aBorrowedScannerFromLendingToReturnWithAuditEventsAndSealedNames() throws Exception {
        register.seen(KRONJO_SCANNER);
        Loan loan = loans.lend(new LoanRequest(KRONJO_SCANNER.deviceId(), "Kec. Kronjo", "Kec. Gunung Kaler",
                "Suparman Kronjo", "Wartini Gunungkaler", Condition.GOOD, "kabel USB sedikit longgar",
                TODAY.plusDays(30)), "tek");

        assertThat(loan.open()).isTrue();
        assertThat(loan.device().ownerOffice()).as("the lender is the owner").isEqualTo("Kec. Kronjo");
        assertThat(loans.openLoanFor(KRONJO_SCANNER.deviceId())).map(Loan::loanId).contains(loan.loanId());
        assertThat(loans.find(loan.loanId()).orElseThrow().handedBy()).isEqualTo("Suparman Kronjo");

        clock.advance(Duration.ofDays(12));
        Loan back = loans.giveBack(loan.loanId(), new LoanReturn("Wartini Gunungkaler", "Suparman Kronjo",
                Condition.MINOR_DEFECTS, "tutup sensor tergores"), "spv");

        assertThat(back.open()).isFalse();
        assertThat(back.returned().orElseThrow().at()).isEqualTo(START.plus(Duration.ofDays(12)));
        assertThat(back.returned().orElseThrow().condition()).isEqualTo(Condition.MINOR_DEFECTS);
        assertThat(back.returned().orElseThrow().recordedBy()).isEqualTo("spv");
        assertThat(loans.openLoanFor(KRONJO_SCANNER.deviceId())).isEmpty();
        assertThat(loans.all()).hasSize(1);

        // Audit trail: opened and returned, names kept out of the clear trail.
        List<AuditEntry> trail = store.auditTrail(0, 1000);
        assertThat(trail).extracting(AuditEntry::action).containsSubsequence(Loans.AUDIT_OPENED, Loans.AUDIT_RETURNED);
        assertThat(trail.toString()).doesNotContain("Suparman", "Wartini", "tergores");

        // Both changes wait for the central server as events.
        List<OutboxEvent> events = store.events().pending(100);
        assertThat(events).extracting(OutboxEvent::type).containsExactly(Loans.EVENT_OPENED, Loans.EVENT_RETURNED);
        assertThat(events.get(0).jsonPayload()).contains("\"loanId\":\"" + loan.loanId() + "\"", "\"fromOffice\":\"Kec. Kronjo\"",
                "\"dueDate\":\"2026-12-25\"", "\"handedBy\":\"Suparman Kronjo\"");
        assertThat(events.get(1).jsonPayload()).contains("\"condition\":\"MINOR_DEFECTS\"", "\"deviceId\":\"fps-7f3a91c2d0\"");

        // Names and notes are sealed at rest.
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(raw).as(f.toString()).doesNotContain("Suparman", "Wartini", "longgar", "tergores");
            }
        }
        store = StationStore.open(dir, TestStores.PASSPHRASE, TestStores.fastOptions(clock));
    }

    @Test
    void capturesWithABorrowedDeviceNameItsOwnerAndTheLoanUntilItIsReturned() {
        assertThat(loans.provenance(KRONJO_SCANNER)).as("not seen yet: as the device layer names it").isEqualTo(KRONJO_SCANNER);
        register.seen(KRONJO_SCANNER);
        assertThat(loans.provenance(KRONJO_SCANNER).loanId()).isEmpty();

        Loan loan = loans.lend(new LoanRequest(KRONJO_SCANNER.deviceId(), "Kec. Kronjo", "Kec. Gunung Kaler", "A", "B",
                Condition.GOOD, null, TODAY.plusDays(14)), "tek");
        DeviceRef during = loans.provenance(KRONJO_SCANNER);
        assertThat(during.loanId()).isEqualTo(loan.loanId());
        assertThat(during.ownerOffice()).isEqualTo("Kec. Kronjo");
        assertThat(during.deviceId()).isEqualTo(KRONJO_SCANNER.deviceId());

        loans.giveBack(loan.loanId(), new LoanReturn("B", "A", Condition.GOOD, null), "tek");
        assertThat(loans.provenance(KRONJO_SCANNER).loanId()).as("after the return: no loan").isEmpty();
        assertThat(loans.provenance(KRONJO_SCANNER).ownerOffice()).isEqualTo("Kec. Kronjo");
    }

    @Test
    void onlyTechniciansAndSupervisorsRecordLoansAndNothingRemainsOfARefusal() {
        register.seen(KRONJO_SCANNER);
        LoanRequest request = new LoanRequest(KRONJO_SCANNER.deviceId(), "Kec. Kronjo", "Kec. Gunung Kaler", "A", "B",
                Condition.GOOD, null, TODAY.plusDays(7));

        assertThatThrownBy(() -> loans.lend(request, "op1")).isInstanceOf(AuthException.class)
                .satisfies(e -> assertThat(((AuthException) e).localizedMessage(Locale.ROOT)).contains("op1"));
        assertThatThrownBy(() -> loans.lend(request, "nobody")).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> register.setOwner(KRONJO_SCANNER.deviceId(), "Kec. Kronjo", "op1"))
                .isInstanceOf(AuthException.class);
        assertThat(loans.all()).isEmpty();
        assertThat(store.events().pending(10)).isEmpty();
        assertThat(actions()).doesNotContain(Loans.AUDIT_OPENED);
    }

    @Test
    void loanRulesAreEnforcedByTheStore() {
        register.seen(KRONJO_SCANNER);
        String id = KRONJO_SCANNER.deviceId();
        assertRefused(new LoanRequest(id, "Kec. Kronjo", "kec. kronjo ", "A", "B", Condition.GOOD, null, TODAY), "loan.sameOffice");
        assertRefused(new LoanRequest(id, "Kec. Kronjo", "Kec. Mauk", "A", "B", Condition.GOOD, null, TODAY.minusDays(1)), "loan.dueDate");
        assertRefused(new LoanRequest(id, "Kec. Kronjo", "Kec. Mauk", "A", "B", Condition.GOOD, null,
                TODAY.plusDays(LoanPolicy.MAX_LOAN_DAYS + 1)), "loan.dueDate");
        assertRefused(new LoanRequest(id, "Kec. Kronjo", "Kec. Mauk", " ", "B", Condition.GOOD, null, TODAY), "loan.required.handedBy");
        assertRefused(new LoanRequest(id, "Kec. Kronjo", "Kec. Mauk", "A", "B", null, null, TODAY), "loan.required.condition");
        assertRefused(new LoanRequest("fps-unknown", "Kec. Kronjo", "Kec. Mauk", "A", "B", Condition.GOOD, null, TODAY),
                "equipment.unknown");

        Loan loan = loans.lend(new LoanRequest(id, "Kec. Kronjo", "Kec. Mauk", "A", "B", Condition.GOOD, null,
                TODAY.plusDays(LoanPolicy.MAX_LOAN_DAYS)), "tek");
        assertRefused(new LoanRequest(id, "Kec. Kronjo", "Kec. Mauk", "A", "B", Condition.GOOD, null, TODAY), "loan.alreadyOut");
        loans.giveBack(loan.loanId(), new LoanReturn("B", "A", Condition.GOOD, null), "tek");
        assertThatThrownBy(() -> loans.giveBack(loan.loanId(), new LoanReturn("B", "A", Condition.GOOD, null), "tek"))
                .isInstanceOf(EquipmentException.class).extracting(e -> ((EquipmentException) e).messageKey())
                .isEqualTo("loan.alreadyReturned");
        // Even SQL behind the class cannot reopen a returned loan.
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            try (Statement s = tx.connection().createStatement()) {
                return s.executeUpdate("UPDATE equipment_loans SET returned_at = NULL");
            }
        })).hasMessageContaining("cannot be reopened");
        assertThat(new EquipmentException("loan.dueDate", 90).localizedMessage(Locale.forLanguageTag("id")))
                .contains("90 hari");
    }

    @Test
    void overdueLoansAreTheOpenOnesPastTheirDueDateLongestOverdueFirst() {
        DeviceRef camera = new DeviceRef("cam-1234567890", "camera", "Logitech C920", "SN-77", "Kec. Kronjo", false);
        DeviceRef other = new DeviceRef("fps-0000000001", "fingerprint-scanner", "R503", "", "Kec. Kronjo", false);
        register.seen(KRONJO_SCANNER);
        register.seen(camera);
        register.seen(other);
        Loan scanner = loans.lend(new LoanRequest(KRONJO_SCANNER.deviceId(), "Kec. Kronjo", "Kec. Gunung Kaler", "A",
                "B", Condition.GOOD, null, TODAY.plusDays(5)), "tek");
        Loan cam = loans.lend(new LoanRequest(camera.deviceId(), "Kec. Kronjo", "Kec. Gunung Kaler", "A", "B",
                Condition.GOOD, null, TODAY.plusDays(2)), "tek");
        Loan returned = loans.lend(new LoanRequest(other.deviceId(), "Kec. Kronjo", "Kec. Gunung Kaler", "A", "B",
                Condition.GOOD, null, TODAY.plusDays(1)), "tek");
        loans.giveBack(returned.loanId(), new LoanReturn("B", "A", Condition.GOOD, null), "tek");

        clock.advance(Duration.ofDays(5));
        assertThat(loans.overdue()).extracting(Loan::loanId).containsExactly(cam.loanId());
        clock.advance(Duration.ofDays(1));
        assertThat(loans.overdue()).extracting(Loan::loanId).containsExactly(cam.loanId(), scanner.loanId());
        assertThat(loans.open()).hasSize(2);
    }

    private void assertRefused(LoanRequest r, String key) {
        assertThatThrownBy(() -> loans.lend(r, "tek")).isInstanceOf(EquipmentException.class)
                .extracting(e -> ((EquipmentException) e).messageKey()).isEqualTo(key);
    }

    private List<String> actions() {
        return store.auditTrail(0, 1000).stream().map(AuditEntry::action).toList();
    }
}
