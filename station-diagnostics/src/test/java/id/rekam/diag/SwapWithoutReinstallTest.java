package id.rekam.diag;

import id.rekam.core.diag.Finding;
import id.rekam.core.diag.Status;
import id.rekam.core.domain.DeviceRef;
import id.rekam.core.equipment.Condition;
import id.rekam.core.equipment.EquipmentRegister;
import id.rekam.core.equipment.Loan;
import id.rekam.core.equipment.LoanRequest;
import id.rekam.core.equipment.Loans;
import id.rekam.devices.DeviceException;
import id.rekam.devices.DeviceState;
import id.rekam.devices.DeviceStatus;
import id.rekam.devices.FingerprintScanner;
import id.rekam.devices.scanner.EmulatedScannerPort;
import id.rekam.devices.scanner.R30xEmulatorSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static id.rekam.diag.DiagKit.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 17's "swap without reinstall, proved", all three parts in one session over in-process
 * pseudo-terminals (no socat): the station's scanner is pulled and Kronjo's, another module at
 * the same port, is plugged in while the station runs; the device monitor picks it up, the next
 * capture's provenance names it (with its owner and the loan it came under), and the diagnostics
 * show it — not the scanner that was pulled.
 */
class SwapWithoutReinstallTest extends KitTest {

    final BlockingQueue<DeviceStatus> events = new LinkedBlockingQueue<>();

    @BeforeAll
    static void pseudoTerminalsExistHere() {
        Optional<String> why = EmulatedScannerPort.pseudoTerminalUnavailable();
        assumeTrue(why.isEmpty(), () -> "no pseudo-terminal on this machine, swap test skipped: " + why.orElse(""));
    }

    @Test
    void aScannerSwappedDuringASessionIsPickedUpNamedByTheNextCaptureAndShownByTheDiagnostics() throws Exception {
        kit = new DiagKit(dir).withScanner().withDevices();
        EquipmentRegister register = new EquipmentRegister(kit.store);
        Loans loans = new Loans(kit.store);
        // What the station does with the monitor's news: every device seen goes into the register.
        kit.devices.monitor().addListener(s -> {
            if (s.state() == DeviceState.CONNECTED && s.device() != null) {
                register.seen(s.device());
            }
            events.add(s);
        });
        kit.devices.start();

        DeviceRef own = connected();
        FingerprintScanner desk = kit.devices.openScanner().orElseThrow();
        assertThat(desk.captureFinger(Duration.ofSeconds(30)).device()).isEqualTo(own);

        // Pulled mid-session: the desk's next capture fails clearly, the monitor reports it gone.
        kit.scanner.unplug();
        assertThatThrownBy(() -> desk.captureFinger(Duration.ofSeconds(5))).isInstanceOf(DeviceException.class);
        desk.close();
        assertThat(next(DeviceState.DISCONNECTED).device()).isEqualTo(own);

        // Kronjo's scanner at the same port: another module (system id, packet size) is another device.
        kit.scanner.replug(R30xEmulatorSettings.defaults().withSystemId(0x0042).withPacketSize(64));
        DeviceRef kronjo = connected();
        assertThat(kronjo.deviceId()).isNotEqualTo(own.deviceId());
        assertThat(register.find(kronjo.deviceId())).as("registered on first sight").isPresent();
        Loan loan = loans.lend(new LoanRequest(kronjo.deviceId(), "Kec. Kronjo", DiagKit.OFFICE_NAME, "Suparman",
                "Wartini", Condition.GOOD, null, LocalDate.now().plusDays(30)), "tek");

        // The next capture, without a restart, comes from Kronjo's scanner and its provenance says so.
        try (FingerprintScanner next = kit.devices.openScanner().orElseThrow()) {
            DeviceRef provenance = loans.provenance(next.captureFinger(Duration.ofSeconds(30)).device());
            assertThat(provenance.deviceId()).isEqualTo(kronjo.deviceId()).isNotEqualTo(own.deviceId());
            assertThat(provenance.ownerOffice()).isEqualTo("Kec. Kronjo");
            assertThat(provenance.loanId()).isEqualTo(loan.loanId());
        }

        // And the technician's diagnostics show the scanner that is there now.
        DiagnosticRun run = kit.run("scanner");
        Finding device = finding(run, "scanner.device");
        assertThat(device.status()).isEqualTo(Status.OK);
        assertThat(device.facts()).containsEntry("deviceId", kronjo.deviceId()).containsEntry("ownerOffice", "Kec. Kronjo")
                .containsEntry("loanId", loan.loanId());
        assertThat(device.result()).contains(kronjo.deviceId(), "dipinjam").doesNotContain(own.deviceId());
        assertThat(finding(run, "scanner.params").facts()).containsEntry("systemId", "0042").containsEntry("packetSize", "64");
        assertThat(finding(run, "scanner.capture").facts()).containsEntry("deviceId", kronjo.deviceId());
        assertThat(finding(run, "scanner.capture").status()).isEqualTo(Status.OK);
        assertThat(register.find(own.deviceId())).as("the station's own scanner is still on the register").isPresent();
    }

    private DeviceRef connected() throws InterruptedException {
        return next(DeviceState.CONNECTED).device();
    }

    private DeviceStatus next(DeviceState state) throws InterruptedException {
        while (true) {
            DeviceStatus s = events.poll(30, TimeUnit.SECONDS);
            assertThat(s).as("a device status within 30 s").isNotNull();
            if (s.state() == state && s.device() != null
                    && s.kind() == id.rekam.devices.DeviceKind.FINGERPRINT_SCANNER) {
                return s;
            }
        }
    }
}
