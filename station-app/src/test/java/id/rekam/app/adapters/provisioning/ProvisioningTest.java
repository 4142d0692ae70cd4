package id.rekam.app.adapters.provisioning;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.settings.StationSettingsFile;
import id.rekam.core.store.UnlockPolicy;
import id.rekam.app.adapters.sync.SyncSettings;
import id.rekam.app.ports.ProvisioningException;
import id.rekam.app.ports.ProvisioningService;
import id.rekam.app.testing.TestStation;
import id.rekam.core.audit.AuditEntry;
import id.rekam.fixtures.DemoSeeder;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.region.RegionCatalog;
import id.rekam.core.store.StationStore;
import id.rekam.server.CentralServer;
import id.rekam.server.ServerConfig;
import id.rekam.sync.SyncConfig;
import id.rekam.sync.SyncService;
import id.rekam.sync.http.PinnedTrustManager;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Provisioning against a real in-process central server (plain HTTP, and TLS with a pinned key). */
class ProvisioningTest {

    static final String OFFICE = "32.76.01";
    /** Strong enough for core's zxcvbn rule (core.auth.PassphrasePolicy): "frasa-sandi-kantor" no longer is. */
    static final String OFFICE_PASSPHRASE = "kopi-tubruk-di-lereng-merapi-1987";
    static final String OTHER_OFFICE = "32.76.02";
    static RegionCatalog catalog;

    @TempDir
    Path dir;
    CentralServer server;
    StationStore store;

    @BeforeAll
    static void catalog() {
        catalog = RegionCatalog.bundled();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    StationStore newStore(String name, String stationId) {
        return StationStore.initialise(dir.resolve(name), "uji-sandi-teknisi-desa".toCharArray(), stationId,
                TestStation.fastStore());
    }

    ProvisioningService.Request request(String stationId, String code) {
        return new ProvisioningService.Request(stationId, OFFICE, server.baseUri().toString(), null, code, "Meja 1");
    }

    @Test
    void enrolsOnceWithTheCodeAndRecordsTheSettings() throws Exception {
        server = CentralServer.start(ServerConfig.builder(dir.resolve("server")).build());
        String id = ProvisioningService.proposedStationId(OFFICE);
        store = newStore("station", id);
        Provisioning p = new Provisioning(dir.resolve("station"), catalog, "teknisi1");
        String code = server.admin().createEnrollmentCode(OFFICE).code();

        assertThatThrownBy(() -> p.enroll(store, request(id, "AAAA-BBBB-CCCC-DDDD")))
                .isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.problem()).isEqualTo(ProvisioningException.Problem.CODE_UNKNOWN));
        p.enroll(store, request(id, code.toLowerCase()));

        assertThat(server.admin().stations()).singleElement().satisfies(s -> assertThat(s.stationId()).isEqualTo(id));
        Properties settings = StationSettings.read(dir.resolve("station"));
        assertThat(settings.getProperty(StationSettings.STATION_ID)).isEqualTo(id);
        assertThat(settings.getProperty(StationSettings.DISTRICT)).isEqualTo(OFFICE);
        assertThat(settings.getProperty(StationSettings.OFFICE)).isEqualTo("Kecamatan Pancoran Mas, Kota Depok");
        // The server is pinned in the store with its keys; the group-writable settings file does not name it.
        assertThat(settings.getProperty(StationSettingsFile.SERVER)).isNull();
        assertThat(store.serverTrust()).get().satisfies(t -> {
            assertThat(t.server()).isEqualTo(server.baseUri());
            assertThat(t.keys()).isEqualTo(server.serverKeys());
        });
        assertThat(SyncSettings.config(store, settings)).get().satisfies(c -> assertThat(c.server())
                .isEqualTo(server.baseUri()));
        assertThat(audit(store, Provisioning.AUDIT_PROVISIONED)).hasSize(1);

        // The code is spent: a second station presenting it is refused with a clear reason.
        StationStore second = newStore("second", "ST-327601-0002");
        try {
            assertThatThrownBy(() -> new Provisioning(dir.resolve("second"), catalog, "teknisi1")
                    .enroll(second, request("ST-327601-0002", code)))
                    .isInstanceOfSatisfying(ProvisioningException.class,
                            e -> assertThat(e.problem()).isEqualTo(ProvisioningException.Problem.CODE_USED));
            // A station id outside the chosen kecamatan is caught before anything is sent.
            assertThatThrownBy(() -> new Provisioning(dir.resolve("second"), catalog, "teknisi1")
                    .enroll(second, request("ST-327602-0002", code)))
                    .isInstanceOfSatisfying(ProvisioningException.class,
                            e -> assertThat(e.problem()).isEqualTo(ProvisioningException.Problem.BAD_STATION_ID));
        } finally {
            second.close();
        }
    }

    @Test
    void plainHttpToAnotherMachineAndHttpsWithoutPinAreRefusedBeforeTheCodeIsSent() throws Exception {
        String id = ProvisioningService.proposedStationId(OFFICE);
        store = newStore("station", id);
        Provisioning p = new Provisioning(dir.resolve("station"), catalog, "teknisi1");
        assertThatThrownBy(() -> p.enroll(store, new ProvisioningService.Request(id, OFFICE,
                "http://10.20.30.40:8080/", null, "AAAA-BBBB-CCCC-DDDD", "Meja 1")))
                .isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.problem()).isEqualTo(ProvisioningException.Problem.HTTP_NOT_ALLOWED));
        assertThatThrownBy(() -> p.enroll(store, new ProvisioningService.Request(id, OFFICE,
                "https://pusat.example.go.id/", null, "AAAA-BBBB-CCCC-DDDD", "Meja 1")))
                .isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.problem()).isEqualTo(ProvisioningException.Problem.BAD_PIN));
        assertThat(store.serverTrust()).isEmpty();
    }

    @Test
    void theSupervisorsUnlockPolicyIsKeptAtTheFirstRun() throws Exception {
        server = CentralServer.start(ServerConfig.builder(dir.resolve("server")).build());
        String id = ProvisioningService.proposedStationId(OFFICE);
        Provisioning p = new Provisioning(dir.resolve("station"), catalog, "teknisi1");
        ProvisioningService.Request r = new ProvisioningService.Request(id, OFFICE, server.baseUri().toString(), null,
                server.admin().createEnrollmentCode(OFFICE).code(), "Meja 1", 10, false);
        store = p.firstRun(OFFICE_PASSPHRASE.toCharArray(), r, "spv1", "sandi-spv-pertama".toCharArray(),
                TestStation.fastStore());
        assertThat(store.unlockPolicy()).isEqualTo(new UnlockPolicy(10, false));
        assertThat(audit(store, AuditActions.UNLOCK_POLICY_SET)).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("spv1"));
        assertThatThrownBy(() -> new Provisioning(dir.resolve("other"), catalog, "teknisi1").firstRun(
                OFFICE_PASSPHRASE.toCharArray(), new ProvisioningService.Request(id, OFFICE,
                        server.baseUri().toString(), null, "AAAA-BBBB-CCCC-DDDD", "Meja 1", 2, false), "spv1",
                "sandi-spv-pertama".toCharArray(), TestStation.fastStore()))
                .isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.problem()).isEqualTo(ProvisioningException.Problem.BAD_UNLOCK_POLICY));
    }

    @Test
    void reassignmentWaitsUntilEveryRecordHasTheServersVerdictAndIsAudited() throws Exception {
        server = CentralServer.start(ServerConfig.builder(dir.resolve("server")).acceptUnparseableTemplates(true).build());
        String id = ProvisioningService.proposedStationId(OFFICE);
        store = newStore("station", id);
        Provisioning p = new Provisioning(dir.resolve("station"), catalog, "teknisi1");
        p.enroll(store, request(id, server.admin().createEnrollmentCode(OFFICE).code()));
        DemoSeeder.seed(store, "32.76.01.1008");

        assertThatThrownBy(() -> p.reassign(store, OTHER_OFFICE))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ProvisioningException.Problem.PENDING_RECORDS);
                    assertThat(e.getMessage()).contains("12");
                });
        assertThat(StationSettings.read(dir.resolve("station")).getProperty(StationSettings.DISTRICT)).isEqualTo(OFFICE);

        // Approve and deliver everything; once the server has confirmed them the move is allowed.
        List<String> captured = store.outbox().inState(OutboxState.CAPTURED, 100).stream().map(e -> e.packetId()).toList();
        store.outbox().approve(captured, DemoSeeder.SUPERVISOR);
        store.outbox().enqueueAllApproved("uji");
        try (SyncService sync = new SyncService(store, SyncConfig.defaults(server.baseUri()))) {
            for (int i = 0; i < 20 && Provisioning.pendingRecords(store) > 0; i++) {
                sync.runOnce();
            }
        }
        assertThat(Provisioning.pendingRecords(store)).isZero();
        p.reassign(store, OTHER_OFFICE);

        Properties settings = StationSettings.read(dir.resolve("station"));
        assertThat(settings.getProperty(StationSettings.DISTRICT)).isEqualTo(OTHER_OFFICE);
        assertThat(settings.getProperty(StationSettings.OFFICE)).startsWith("Kecamatan ").endsWith("Kota Depok");
        assertThat(audit(store, Provisioning.AUDIT_REASSIGNED)).singleElement()
                .satisfies(e -> assertThat(e.details()).contains(OFFICE).contains(OTHER_OFFICE));
    }

    @Test
    void aServerWhoseKeyIsNotThePinnedOneGetsNoCode() throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1")
                .addSubjectAlternativeName("localhost").build();
        Path keystore = dir.resolve("server.p12");
        char[] pw = "uji-keystore".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", cert.keyPair().getPrivate(), pw, new Certificate[] {cert.certificate()});
        try (OutputStream out = Files.newOutputStream(keystore)) {
            ks.store(out, pw);
        }
        server = CentralServer.start(ServerConfig.builder(dir.resolve("server")).tls(keystore, pw).build());
        String id = ProvisioningService.proposedStationId(OFFICE);
        store = newStore("station", id);
        Provisioning p = new Provisioning(dir.resolve("station"), catalog, "teknisi1");
        String code = server.admin().createEnrollmentCode(OFFICE).code();
        String url = server.baseUri().toString();
        assertThat(url).startsWith("https://");

        String otherPin = PinnedTrustManager.pinOf(new HeldCertificate.Builder().build().certificate());
        assertThatThrownBy(() -> p.enroll(store, new ProvisioningService.Request(id, OFFICE, url, otherPin, code, "Meja 1")))
                .isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.problem()).isEqualTo(ProvisioningException.Problem.PIN_MISMATCH));
        assertThatThrownBy(() -> p.enroll(store, new ProvisioningService.Request(id, OFFICE, url, null, code, "Meja 1")))
                .isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.problem()).isEqualTo(ProvisioningException.Problem.BAD_PIN));
        assertThat(server.admin().stations()).isEmpty();

        p.enroll(store, new ProvisioningService.Request(id, OFFICE, url, PinnedTrustManager.pinOf(cert.certificate()), code,
                "Meja 1"));
        assertThat(server.admin().stations()).hasSize(1);
    }

    static List<AuditEntry> audit(StationStore store, String action) {
        return store.auditTrail(0, 10_000).stream().filter(e -> e.action().equals(action)).toList();
    }
}
