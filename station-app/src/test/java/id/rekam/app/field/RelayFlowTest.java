package id.rekam.app.field;

import id.rekam.app.AppConfig;
import id.rekam.app.testing.Flow;
import id.rekam.app.testing.TestStation;
import id.rekam.core.coverage.Coverage;
import id.rekam.core.export.SafetyBundles;
import id.rekam.core.store.StationStore;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.DemoSeeder;
import id.rekam.server.CentralServer;
import id.rekam.server.ServerConfig;
import id.rekam.server.packets.PacketRecord;
import id.rekam.sync.StationEnrollment;
import id.rekam.sync.SyncConfig;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connected team laptop forwards a team member's safety bundle to a real in-process central
 * server; a tampered copy of the bundle is refused with nothing sent.
 */
@ExtendWith(ApplicationExtension.class)
class RelayFlowTest {

    static final String OFFICE = "32.76.01";
    static final String RELAY = "ST-327601-0001";
    static final String MEMBER = "ST-327601-0002";
    static final String TEAM = "tim-keliling-depok-26";

    @TempDir
    Path dir;
    CentralServer server;
    TestStation station;
    Path bundle;
    Path tampered;
    List<String> memberPackets = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        server = CentralServer.start(ServerConfig.builder(dir.resolve("server")).port(0)
                .acceptUnparseableTemplates(true).build());
        Path data = dir.resolve("station");
        try (StationStore relay = enrolled(data, RELAY)) {
            DemoSeeder.seed(relay, "32.76.01.1008");
        }
        // The team member's laptop, offline all day: three approved records on a stick.
        try (StationStore member = enrolled(dir.resolve("member"), MEMBER)) {
            member.operators().createFirstSupervisor("spv2", "rahasia-spv-2".toCharArray());
            DemoRecords demo = new DemoRecords(91, "32.76.01.1001", MEMBER);
            for (int i = 0; i < 3; i++) {
                memberPackets.add(member.saveEnrollment(demo.next()).packetId());
            }
            member.outbox().approve(memberPackets, "spv2");
            SafetyBundles.Result r = new SafetyBundles(member, Clock.systemUTC(),
                    new Coverage(member, Clock.systemUTC())::ownTallyJson)
                    .write(Files.createDirectories(dir.resolve("usb")), TEAM.toCharArray(), "spv2", (d, t) -> { });
            bundle = r.bundle();
        }
        tampered = copyTampered(bundle, dir.resolve("usb-rusak"));
        SyncConfig config = SyncConfig.defaults(server.baseUri()).withBackoff(Duration.ofMillis(500),
                Duration.ofSeconds(1)).withPollInterval(Duration.ofMillis(300)).withRequestTimeout(Duration.ofSeconds(10));
        station = new TestStation(data, AppConfig.ApprovalMode.END_OF_DAY, true, false, config);
        station.show(stage);
    }

    private StationStore enrolled(Path data, String id) throws Exception {
        StationStore s = StationStore.initialise(data, TestStation.PASSPHRASE.toCharArray(), id,
                TestStation.fastStore());
        OkHttpClient http = new OkHttpClient();
        StationEnrollment.enroll(http, server.baseUri(), server.admin().createEnrollmentCode(OFFICE).code(), s, id);
        http.dispatcher().executorService().shutdown();
        return s;
    }

    /** The same bundle with one byte of one record changed, as a damaged or doctored stick would hold it. */
    private static Path copyTampered(Path from, Path to) throws Exception {
        Path target = to.resolve(from.getFileName());
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path q = target.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        Path packet = target.resolve("packets/000002.bin");
        byte[] b = Files.readAllBytes(packet);
        b[b.length / 3] ^= 0x04;
        Files.write(packet, b);
        return target;
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    private List<PacketRecord> memberOnServer() {
        return server.admin().packets().stream().filter(p -> p.stationId().equals(MEMBER)).toList();
    }

    @Test
    void relaysATeamMembersBundleOnceAndRefusesATamperedOne(FxRobot robot) {
        Flow flow = new Flow(robot);
        flow.unlockDemo();
        flow.logIn(DemoSeeder.OPERATOR, DemoSeeder.OPERATOR_PASSWORD);
        Flow.waitFor(() -> flow.visible("#openFieldDashboard"));
        flow.click("#openFieldDashboard");
        Flow.waitFor(() -> flow.visible("#openBundles"));
        FieldFlowTest.reveal(flow, "#openBundles");
        flow.click("#openBundles");
        Flow.waitFor(() -> flow.visible("#relayDir"));

        // A tampered stick first: refused in words, nothing reaches the server.
        flow.click("#relayDir").write(tampered.toString());
        flow.click("#relayPassphrase").write(TEAM);
        flow.click("#relayBundle");
        Flow.waitFor(30, () -> flow.text("#relayMessage").startsWith("Bundel DITOLAK"));
        assertThat(flow.text("#relayMessage")).contains("diubah atau rusak").contains("Tidak ada yang dikirim");
        assertThat(memberOnServer()).isEmpty();
        flow.screenshot("66-relay-refused");

        // The intact bundle: three records stored under the member's station, once.
        FieldFlowTest.setText(flow, "#relayDir", bundle.toString());
        flow.click("#relayPassphrase").write(TEAM);
        flow.click("#relayBundle");
        Flow.waitFor(30, () -> flow.text("#relayMessage").startsWith("Bundel dari " + MEMBER + " diteruskan"));
        assertThat(flow.text("#relayMessage")).contains("3 rekaman disimpan server").contains("0 sudah ada");
        assertThat(memberOnServer()).extracting(PacketRecord::packetId)
                .containsExactlyInAnyOrderElementsOf(memberPackets);
        flow.screenshot("65-relay-forwarded");

        // The same stick again (a second relay): nothing stored twice.
        flow.click("#relayPassphrase").write(TEAM);
        flow.click("#relayBundle");
        Flow.waitFor(30, () -> flow.text("#relayMessage").contains("0 rekaman disimpan server, 3 sudah ada"));
        assertThat(memberOnServer()).hasSize(3);
        assertThat(station.store().recordCount()).as("the relay keeps none of the member's records").isEqualTo(12);
    }
}
