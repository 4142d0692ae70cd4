package id.rekam.diag;

import id.rekam.core.diag.Finding;
import id.rekam.core.diag.Status;
import id.rekam.server.ServerConfig;
import id.rekam.server.Tls;
import id.rekam.server.faults.Fault;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static id.rekam.diag.DiagKit.finding;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network check against the real reference server, in-process: each layer that can break —
 * name, TCP, TLS and its pin, a captive portal, the clock, throughput — breaks here once and is
 * named, and the steps after it are reported as not tried.
 */
class NetworkCheckTest extends KitTest {

    @Test
    void aReachableServerPassesEveryLayerAndTheUploadIsMeasured() throws Exception {
        kit = new DiagKit(dir).withServer();
        DiagnosticRun run = kit.run("network");

        assertThat(run.area("network")).extracting(Finding::id).containsExactly("network.config", "network.dns",
                "network.tcp", "network.tls", "network.portal", "network.clock", "network.throughput");
        assertThat(run.area("network")).allSatisfy(f -> assertThat(f.status()).as(f.toString()).isEqualTo(Status.OK));
        assertThat(finding(run, "network.tls").result()).isEqualTo("Server uji lokal tanpa TLS");
        assertThat(finding(run, "network.portal").facts()).containsEntry("identity", "nonce-echoed");
        assertThat(Long.parseLong(finding(run, "network.clock").facts().get("skewSeconds"))).isBetween(-2L, 2L);
        assertThat(finding(run, "network.throughput").facts()).containsEntry("bytes", "262144");
        assertThat(Long.parseLong(finding(run, "network.throughput").facts().get("bitsPerSecond"))).isPositive();
    }

    @Test
    void aCaptivePortalIsToldApartFromTheServer() throws Exception {
        kit = new DiagKit(dir).withServer();
        kit.server.faults().add(Fault.captivePortal().on("GET", "/v1/health").times(-1));
        DiagnosticRun run = kit.run("network");

        Finding portal = finding(run, "network.portal");
        assertThat(portal.status()).isEqualTo(Status.FAILED);
        assertThat(portal.result()).contains("captive portal");
        assertThat(portal.nextStep()).contains("Buka browser");
        assertThat(portal.facts().get("contentType")).contains("text/html");
        assertThat(finding(run, "network.tcp").status()).isEqualTo(Status.OK);
        assertThat(finding(run, "network.clock").result()).isEqualTo("Tidak diuji: langkah sebelumnya gagal");
    }

    @Test
    void aServerThatIsDownFailsAtTheTcpConnectAndTheRestIsNotTried() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        kit = new DiagKit(dir).target(URI.create("http://127.0.0.1:" + port + "/"), null, true);
        DiagnosticRun run = kit.run("network");

        Finding tcp = finding(run, "network.tcp");
        assertThat(tcp.status()).isEqualTo(Status.FAILED);
        assertThat(tcp.result()).startsWith("127.0.0.1 port " + port + " menolak");
        assertThat(run.area("network")).extracting(Finding::id).endsWith("network.tls", "network.portal",
                "network.clock", "network.throughput");
        assertThat(run.took()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anUnknownServerNameFailsAtNameResolution() throws Exception {
        kit = new DiagKit(dir).target(URI.create("https://pusat-rekam.invalid/"), "sha256/AAAA", true);
        DiagnosticRun run = kit.run("network");

        Finding dns = finding(run, "network.dns");
        assertThat(dns.status()).isEqualTo(Status.FAILED);
        assertThat(dns.result()).contains("pusat-rekam.invalid");
        assertThat(dns.nextStep()).contains("kabel LAN");
    }

    @Test
    void aStationClockTenMinutesOffIsNamedAsTheReasonTheServerRefusesIt() throws Exception {
        kit = new DiagKit(dir).withServer(ServerConfig.builder(dir.resolve("server"))
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10))));
        DiagnosticRun run = kit.run("network");

        assertThat(finding(run, "network.portal").status()).isEqualTo(Status.FAILED);
        assertThat(finding(run, "network.portal").result()).contains("stale-timestamp");
        Finding clock = finding(run, "network.clock");
        assertThat(clock.status()).isEqualTo(Status.FAILED);
        assertThat(Long.parseLong(clock.facts().get("skewSeconds"))).isBetween(598L, 602L);
        assertThat(clock.nextStep()).contains("timedatectl set-ntp true");
    }

    @Test
    void aDriftWithinTheServersWindowIsAWarning() throws Exception {
        kit = new DiagKit(dir).withServer(ServerConfig.builder(dir.resolve("server"))
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-90))));
        DiagnosticRun run = kit.run("network");

        assertThat(finding(run, "network.portal").status()).isEqualTo(Status.OK);
        assertThat(finding(run, "network.clock").status()).isEqualTo(Status.WARNING);
        assertThat(Long.parseLong(finding(run, "network.clock").facts().get("skewSeconds"))).isBetween(-92L, -88L);
        assertThat(finding(run, "network.clock").result()).startsWith("Jam komputer berselisih -9");
    }

    @Test
    void tlsWithThePinnedKeyPassesAndAnotherKeyIsRefusedAsAPossibleInterception() throws Exception {
        Path keystore = dir.resolve("server.p12");
        char[] password = "rahasia-tls".toCharArray();
        Tls.generateSelfSigned(keystore, password);
        kit = new DiagKit(dir).withServer(ServerConfig.builder(dir.resolve("server")).tls(keystore, password));
        String pin = kit.server.tlsPin();

        kit.target(kit.server.baseUri(), pin, true);
        DiagnosticRun good = kit.run("network");
        assertThat(finding(good, "network.tls").status()).isEqualTo(Status.OK);
        assertThat(finding(good, "network.tls").facts()).containsEntry("pin", pin);
        assertThat(finding(good, "network.portal").status()).isEqualTo(Status.OK);

        String other = "sha256/" + "B".repeat(43) + "=";
        kit.target(kit.server.baseUri(), other, true);
        DiagnosticRun bad = kit.run("network");
        Finding tls = finding(bad, "network.tls");
        assertThat(tls.status()).isEqualTo(Status.FAILED);
        assertThat(tls.result()).contains(pin, other);
        assertThat(tls.nextStep()).startsWith("JANGAN lanjutkan");
        assertThat(finding(bad, "network.portal").status()).isEqualTo(Status.WARNING);
    }

    @Test
    void withoutTheStationKeyTheServerIsReachedButIdentityAndThroughputAreNotTested() throws Exception {
        kit = new DiagKit(dir).withServer();
        kit.target(kit.server.baseUri(), null, false);
        DiagnosticRun run = kit.run("network");

        assertThat(finding(run, "network.portal").status()).isEqualTo(Status.WARNING);
        assertThat(finding(run, "network.portal").facts()).containsEntry("identity", "server-time-header");
        assertThat(finding(run, "network.clock").status()).isEqualTo(Status.OK);
        assertThat(finding(run, "network.throughput").status()).isEqualTo(Status.WARNING);
        assertThat(finding(run, "network.throughput").result()).isEqualTo("Tidak diukur: perlu kunci stasiun");
    }

    @Test
    void aStationNotRegisteredYetIsAWarningWithTheWayToRegister() throws Exception {
        kit = new DiagKit(dir);
        DiagnosticRun run = kit.run("network");
        assertThat(run.area("network")).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("network.config");
            assertThat(f.status()).isEqualTo(Status.WARNING);
            assertThat(f.nextStep()).contains("rekam-sync enroll");
        });
    }
}
