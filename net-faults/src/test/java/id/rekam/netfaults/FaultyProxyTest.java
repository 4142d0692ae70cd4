package id.rekam.netfaults;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultyProxyTest {

    private static final byte[] BODY = new byte[10_000];

    private HttpServer upstream;
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicLong bodyBytesServed = new AtomicLong();

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        upstream.createContext("/", ex -> {
            bodyBytesServed.addAndGet(ex.getRequestBody().readAllBytes().length);
            served.incrementAndGet();
            byte[] ok = "upstream-ok".getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
            ex.close();
        });
        upstream.start();
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop(0);
    }

    private URI upstreamUri() {
        return URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/");
    }

    private static byte[] request() {
        byte[] head = ("POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + BODY.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + BODY.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(BODY, 0, all, head.length, BODY.length);
        return all;
    }

    /** Sends one POST through the proxy and returns all it answered. */
    private static String exchange(URI proxy) throws IOException {
        try (Socket s = new Socket(proxy.getHost(), proxy.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request());
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            in.transferTo(got);
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void passesThroughAndCountsEveryClientByte() throws IOException {
        try (FaultyProxy proxy = new FaultyProxy(upstreamUri(), 1)) {
            String answer = exchange(proxy.uri());

            assertThat(answer).startsWith("HTTP/1.1 200").endsWith("upstream-ok");
            assertThat(bodyBytesServed.get()).isEqualTo(BODY.length);
            assertThat(proxy.counts().upstreamBytes()).isEqualTo(request().length);
            assertThat(proxy.counts().connections()).isEqualTo(1);
            assertThat(proxy.counts().resets()).isZero();
        }
    }

    @Test
    void resetCutsTheRequestWithinTheBudgetAndTheServerNeverAnswers() throws Exception {
        try (FaultyProxy proxy = new FaultyProxy(upstreamUri(), 1, FaultyProxy.Mix.resets(100, 500))) {
            String answer;
            try {
                answer = exchange(proxy.uri());
            } catch (IOException reset) {
                answer = "";
            }

            assertThat(answer).doesNotContain("HTTP/1.1");
            assertThat(proxy.counts().resets()).isEqualTo(1);
            assertThat(proxy.counts().upstreamBytes()).isBetween(1L, 500L);
            assertThat(served).hasValue(0);
        }
    }

    @Test
    void stallDelaysThenPassesThrough() throws IOException {
        try (FaultyProxy proxy = new FaultyProxy(upstreamUri(), 1,
                new FaultyProxy.Mix(0, 100, 0, 0, 0, 1, 300, Integer.MAX_VALUE))) {
            long t0 = System.nanoTime();
            String answer = exchange(proxy.uri());

            assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
            assertThat(answer).endsWith("upstream-ok");
            assertThat(proxy.counts().stalls()).isEqualTo(1);
        }
    }

    @Test
    void answers503And429WithRetryAfterWithoutTheServer() throws IOException {
        try (FaultyProxy proxy = new FaultyProxy(upstreamUri(), 1, new FaultyProxy.Mix(0, 0, 100, 0, 0, 1, 0,
                Integer.MAX_VALUE))) {
            assertThat(exchange(proxy.uri())).startsWith("HTTP/1.1 503 ").contains("Retry-After: 0\r\n");
            proxy.mix(new FaultyProxy.Mix(0, 0, 0, 100, 0, 1, 0, Integer.MAX_VALUE));
            assertThat(exchange(proxy.uri())).startsWith("HTTP/1.1 429 ").contains("Retry-After: 1\r\n")
                    .endsWith("{\"code\":\"rate-limited\"}");

            assertThat(proxy.counts().injected503()).isEqualTo(1);
            assertThat(proxy.counts().injected429()).isEqualTo(1);
            assertThat(served).hasValue(0);
        }
    }

    @Test
    void captivePortalAnswersItsLoginPageWith200() throws IOException {
        try (FaultyProxy proxy = new FaultyProxy(upstreamUri(), 1, new FaultyProxy.Mix(0, 0, 0, 0, 100, 1, 0,
                Integer.MAX_VALUE))) {
            String answer = exchange(proxy.uri());

            assertThat(answer).startsWith("HTTP/1.1 200 OK").contains("Content-Type: text/html")
                    .endsWith(FaultyProxy.PORTAL);
            assertThat(proxy.counts().portals()).isEqualTo(1);
            assertThat(served).hasValue(0);
        }
    }

    @Test
    void healthyConnectionIsCutAtItsLifetime() throws Exception {
        try (FaultyProxy proxy = new FaultyProxy(upstreamUri(), 1, new FaultyProxy.Mix(0, 0, 0, 0, 0, 1, 0, 2_000))) {
            try {
                exchange(proxy.uri());
            } catch (IOException reset) {
                // expected way for the cut to show
            }

            assertThat(proxy.counts().upstreamBytes()).isBetween(1_000L, 2_000L);
            assertThat(proxy.counts().resets()).isZero();
            assertThat(served).hasValue(0);
        }
    }

    @Test
    void mixRefusesPercentagesOverAHundred() {
        assertThatThrownBy(() -> new FaultyProxy.Mix(60, 0, 50, 0, 0, 1, 0, Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
