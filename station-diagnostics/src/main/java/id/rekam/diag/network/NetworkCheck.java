package id.rekam.diag.network;

import id.rekam.core.diag.DiagnosticLimits;
import id.rekam.diag.Check;
import id.rekam.diag.DiagnosticsEngine;
import id.rekam.diag.Probe;
import id.rekam.diag.Step;
import id.rekam.diag.Timed;
import id.rekam.sync.SyncFailure;
import id.rekam.sync.api.CentralApi;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The way to the central server, one layer at a time so the first broken one is named: name
 * resolution, TCP connect, TLS handshake and the pinned key, the server itself answering (a
 * captive portal cannot: it neither echoes the fresh nonce nor sends the server's time header),
 * the clock against the server's, and a short upload to measure throughput. Every wait is
 * bounded; the steps after a broken layer are reported as not tried.
 */
public final class NetworkCheck implements Check {

    /** Bytes of the throughput probe: about a small record; seconds on a slow line, not minutes. */
    public static final int PROBE_BYTES = 256 * 1024;
    static final Duration DNS = Duration.ofSeconds(4);
    static final Duration CONNECT = Duration.ofSeconds(4);
    static final Duration TLS = Duration.ofSeconds(5);
    static final Duration ANSWER = Duration.ofSeconds(6);
    static final Duration UPLOAD = Duration.ofSeconds(8);
    static final Duration CERT_EXPIRY_WARNS = Duration.ofDays(30);

    private final Supplier<Optional<NetworkTarget>> target;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public NetworkCheck(Supplier<Optional<NetworkTarget>> target, Clock clock) {
        this.target = target;
        this.clock = clock;
    }

    @Override
    public String area() {
        return "network";
    }

    @Override
    public Duration budget() {
        return Duration.ofSeconds(29);
    }

    @Override
    public void run(Probe probe) throws Exception {
        Optional<NetworkTarget> t = target.get();
        Step config = probe.step("config");
        if (t.isEmpty()) {
            config.warn("network.config.none", "network.config.none.next");
            return;
        }
        NetworkTarget server = t.get();
        String host = server.server().getHost();
        config.fact("server", server.server()).fact("pinned", server.pin() != null && !server.pin().isBlank())
                .ok("network.config.ok", server.server());
        InetAddress address = resolve(probe, host);
        if (address == null || !connect(probe, address, server.port())) {
            skip(probe, "tls", "portal", "clock", "throughput");
            return;
        }
        if (!tls(probe, server, new InetSocketAddress(address, server.port()), host)) {
            skip(probe, "portal", "clock", "throughput");
            return;
        }
        ServerClient client = new ServerClient(server, clock, ANSWER);
        try {
            if (!answers(probe, server, client)) {
                skip(probe, "clock", "throughput");
                return;
            }
            clock(probe, client.last());
            throughput(probe, server, client);
        } finally {
            client.close();
        }
    }

    private InetAddress resolve(Probe probe, String host) {
        Step s = probe.step("dns").fact("host", host);
        if (isLiteral(host)) {
            try {
                InetAddress a = InetAddress.getByName(host);
                s.fact("address", a.getHostAddress()).ok("network.dns.literal", host);
                return a;
            } catch (UnknownHostException e) {
                s.fail("network.dns.failed", "network.dns.failed.next", host);
                return null;
            }
        }
        try {
            InetAddress[] all = Timed.call(() -> InetAddress.getAllByName(host), DNS, "rekam-diag-dns");
            s.fact("address", all[0].getHostAddress()).ok("network.dns.ok", host, all[0].getHostAddress());
            return all[0];
        } catch (TimeoutException e) {
            s.fail("network.dns.timeout", "network.dns.failed.next", host, DNS.toSeconds());
        } catch (Exception e) {
            s.fail("network.dns.failed", "network.dns.failed.next", host);
        }
        return null;
    }

    private boolean connect(Probe probe, InetAddress address, int port) {
        Step s = probe.step("tcp").fact("address", address.getHostAddress()).fact("port", port);
        long t0 = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) CONNECT.toMillis());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            s.fact("connectMs", ms).ok("network.tcp.ok", address.getHostAddress(), port, ms);
            return true;
        } catch (java.net.SocketTimeoutException e) {
            s.fail("network.tcp.timeout", "network.tcp.failed.next", address.getHostAddress(), port, CONNECT.toSeconds());
        } catch (IOException e) {
            s.fail("network.tcp.refused", "network.tcp.failed.next", address.getHostAddress(), port,
                    DiagnosticsEngine.describe(e));
        }
        return false;
    }

    private boolean tls(Probe probe, NetworkTarget server, InetSocketAddress address, String host) {
        Step s = probe.step("tls");
        if (!server.https()) {
            if (address.getAddress().isLoopbackAddress()) {
                s.ok("network.tls.localPlain");
            } else {
                s.warn("network.tls.plain", "network.tls.plain.next", server.server());
            }
            return true;
        }
        TlsProbe.Result r;
        try {
            r = TlsProbe.handshake(address, host, TLS);
        } catch (IOException e) {
            s.fail("network.tls.failed", "network.tls.failed.next", DiagnosticsEngine.describe(e));
            return false;
        }
        s.fact("protocol", r.protocol()).fact("cipher", r.cipher()).fact("pin", r.pin())
                .fact("notAfter", r.certificate().getNotAfter().toInstant());
        try {
            r.certificate().checkValidity(java.util.Date.from(clock.instant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            s.fail("network.tls.expired", "network.tls.expired.next", r.certificate().getNotAfter().toInstant());
            return false;
        }
        if (server.pin() == null || server.pin().isBlank()) {
            s.warn("network.tls.unpinned", "network.tls.unpinned.next", r.pin());
            return true;
        }
        if (!server.pin().equals(r.pin())) {
            s.fact("expectedPin", server.pin()).fail("network.tls.pinMismatch", "network.tls.pinMismatch.next", r.pin(),
                    server.pin());
            return false;
        }
        Duration left = Duration.between(clock.instant(), r.certificate().getNotAfter().toInstant());
        if (left.compareTo(CERT_EXPIRY_WARNS) < 0) {
            s.warn("network.tls.expiring", "network.tls.expiring.next", r.protocol(), left.toDays());
        } else {
            s.ok("network.tls.ok", r.protocol());
        }
        return true;
    }

    private boolean answers(Probe probe, NetworkTarget server, ServerClient client) {
        Step s = probe.step("portal");
        String nonce = nonce();
        try {
            new CentralApi(client.http(), server.server()).health(nonce);
            s.fact("identity", "nonce-echoed").ok("network.portal.ok");
            return true;
        } catch (SyncFailure f) {
            ServerClient.Wire wire = client.last();
            return switch (f.kind()) {
                case CAPTIVE_PORTAL -> {
                    s.fact("status", wire == null ? "-" : wire.code())
                            .fact("contentType", wire == null ? "-" : wire.contentType())
                            .fail("network.portal.captive", "network.portal.captive.next");
                    yield false;
                }
                case AUTH -> {
                    if (server.signer() == null) {
                        s.fact("identity", "server-time-header")
                                .warn("network.portal.unsigned", "network.portal.unsigned.next");
                        yield true;
                    }
                    s.fail("network.portal.refused", "network.portal.refused.next", f.getMessage());
                    // The server still told its time: the clock step may explain the refusal.
                    yield wire != null && wire.serverTime() != null;
                }
                case SERVER_ERROR, RATE_LIMITED -> {
                    s.fail("network.portal.serverError", "network.portal.serverError.next", f.getMessage());
                    yield false;
                }
                default -> {
                    s.fail("network.portal.unreachable", "network.portal.unreachable.next", f.getMessage());
                    yield false;
                }
            };
        }
    }

    private void clock(Probe probe, ServerClient.Wire wire) {
        Step s = probe.step("clock");
        if (wire == null || wire.serverTime() == null) {
            s.warn("network.clock.unknown", "network.clock.unknown.next");
            return;
        }
        long server = Long.parseLong(wire.serverTime().trim());
        long localMid = (wire.sentAtMillis() + wire.receivedAtMillis()) / 2;
        long skew = server - Math.round(localMid / 1000.0);
        s.fact("skewSeconds", skew).fact("serverTime", Instant.ofEpochSecond(server));
        switch (DiagnosticLimits.skew(Duration.ofSeconds(skew))) {
            case OK -> s.ok("network.clock.ok", skew);
            case WARNING -> s.warn("network.clock.drift", "network.clock.next", skew);
            default -> s.fail("network.clock.off", "network.clock.next", skew,
                    DiagnosticLimits.SKEW_FAILS.toSeconds());
        }
    }

    private void throughput(Probe probe, NetworkTarget server, ServerClient client) {
        Step s = probe.step("throughput");
        if (server.signer() == null) {
            s.warn("network.throughput.unsigned", "network.throughput.unsigned.next");
            return;
        }
        byte[] body = new byte[PROBE_BYTES];
        random.nextBytes(body);
        Request request = new Request.Builder().url(server.server().resolve("/v1/throughput").toString())
                .post(RequestBody.create(body, MediaType.get("application/octet-stream"))).build();
        long t0 = System.nanoTime();
        try (Response r = client.http().newBuilder().callTimeout(UPLOAD).build().newCall(request).execute()) {
            long nanos = System.nanoTime() - t0;
            if (r.code() == 404) {
                s.warn("network.throughput.unsupported", "network.throughput.unsupported.next");
                return;
            }
            if (r.code() != 200) {
                s.fail("network.throughput.refused", "network.portal.serverError.next", "HTTP " + r.code());
                return;
            }
            long bits = Math.round(PROBE_BYTES * 8 / (nanos / 1e9));
            s.fact("bytes", PROBE_BYTES).fact("millis", nanos / 1_000_000).fact("bitsPerSecond", bits);
            long kbit = bits / 1000;
            switch (DiagnosticLimits.throughput(bits)) {
                case OK -> s.ok("network.throughput.ok", kbit);
                case WARNING -> s.warn("network.throughput.slow", "network.throughput.slow.next", kbit);
                default -> s.fail("network.throughput.tooSlow", "network.throughput.slow.next", kbit);
            }
        } catch (java.io.InterruptedIOException e) {
            s.fail("network.throughput.timeout", "network.throughput.slow.next", UPLOAD.toSeconds());
        } catch (IOException e) {
            s.fail("network.throughput.failed", "network.portal.unreachable.next", DiagnosticsEngine.describe(e));
        }
    }

    private static void skip(Probe probe, String... steps) {
        for (String step : steps) {
            probe.step(step).warn("network.skipped", "network.skipped.next");
        }
    }

    private String nonce() {
        byte[] b = new byte[18];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static boolean isLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }
}
