package id.rekam.app.adapters.equipment;

import id.rekam.app.ports.EquipmentService;
import id.rekam.app.ports.FingerprintService;
import id.rekam.app.testing.ScriptedScanner;
import id.rekam.app.testing.TestStation;
import id.rekam.core.auth.Role;
import id.rekam.core.domain.DeviceRef;
import id.rekam.core.equipment.Condition;
import id.rekam.core.equipment.EquipmentRegister;
import id.rekam.core.equipment.Loan;
import id.rekam.core.equipment.LoanRequest;
import id.rekam.core.equipment.LoanReturn;
import id.rekam.core.store.StationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The equipment adapters on a real store: the store's refusals in the desk's words, and loans in provenance. */
class CoreEquipmentTest {

    @TempDir
    Path dir;
    StationStore store;
    DeviceSightings sightings;
    EquipmentService equipment;

    @BeforeEach
    void open() {
        store = StationStore.initialise(dir, TestStation.PASSPHRASE.toCharArray(), TestStation.STATION_ID,
                TestStation.fastStore());
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        store.operators().createAccount("spv", "op1", Role.OPERATOR, "operator-1!".toCharArray());
        sightings = new DeviceSightings(() -> Optional.of(store), () -> null);
        equipment = new CoreEquipment(() -> Optional.of(store), sightings, Locale.forLanguageTag("id"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theStoresRefusalReachesTheDeskInBahasaIndonesia() {
        DeviceRef scanner = new ScriptedScanner().device();
        new EquipmentRegister(store).seen(scanner);
        LoanRequest request = new LoanRequest(scanner.deviceId(), "Kec. Kronjo", "Kec. Tanara", "A", "B", Condition.GOOD,
                null, LocalDate.now().plusDays(3));

        assertThatThrownBy(() -> equipment.lend(request, "op1")).isInstanceOf(EquipmentService.Refused.class)
                .hasMessage("Akun op1 tidak berhak melakukan ini (MANAGE_EQUIPMENT).");
        assertThatThrownBy(() -> equipment.lend(new LoanRequest(scanner.deviceId(), "Kec. Kronjo", "Kec. Kronjo", "A",
                "B", Condition.GOOD, null, LocalDate.now()), "spv")).isInstanceOf(EquipmentService.Refused.class)
                .hasMessage("Kantor asal dan kantor tujuan sama (Kec. Kronjo).");
        assertThat(equipment.loans()).isEmpty();
    }

    @Test
    void theDesksScannerNamesTheLoanWhileItIsOut() throws Exception {
        ScriptedScanner desk = new ScriptedScanner();
        FingerprintService scanner = new LoanProvenance(() -> Optional.of(store), sightings).scanner(desk);
        new EquipmentRegister(store).seen(desk.device());
        assertThat(scanner.device().loanId()).isEmpty();

        Loan loan = equipment.lend(new LoanRequest(desk.device().deviceId(), "Kec. Kronjo", "Kec. Tanara", "Suparman",
                "Wartini", Condition.GOOD, null, LocalDate.now().plusDays(3)), "spv");
        assertThat(scanner.device().loanId()).isEqualTo(loan.loanId());
        assertThat(scanner.device().ownerOffice()).isEqualTo("Kec. Kronjo");

        equipment.giveBack(loan.loanId(), new LoanReturn("Wartini", "Suparman", Condition.GOOD, null), "spv");
        assertThat(scanner.device().loanId()).isEmpty();
        // Locked station: captures name the device as the device layer does.
        FingerprintService locked = new LoanProvenance(Optional::empty, sightings).scanner(desk);
        assertThat(locked.device()).isEqualTo(desk.device());
    }
}
