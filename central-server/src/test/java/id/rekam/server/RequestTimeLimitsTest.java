package id.rekam.server;

import id.rekam.server.http.RequestTimeouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that sends its headers or body slowly (slowloris) holds a worker thread only as long
 * as {@link RequestTimeouts} allow; meanwhile, and after, the server answers others. The server
 * runs with two workers so that two slow clients take all of them: without the limits the
 * third request would never be served.
 */
class RequestTimeLimitsTest extends ServerTestBase {

    /** Headers in 1 s; a body gets 1 s plus 1 s per 1000 bytes; an answer 2 s. */
    static final RequestTimeouts SHORT = new RequestTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), 1000,
            Duration.ofSeconds(20), Duration.ofSeconds(2));
    static final int WORKERS = 2;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTrickledBodyIsCutWithin408OrCloseWhileOthersAreServed() throws Exception {
        start(ServerConfig.builder(dataDir).threads(WORKERS).timeouts(SHORT));
        List<Slowloris> slow = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            // Headers at once, then one body byte every 200 ms: 5 bytes/s, far under the 1000 bytes/s asked.
            slow.add(Slowloris.start(server.port(), "POST /v1/stations HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n", "{"));
        }
        Thread.sleep(300);

        long t0 = System.nanoTime();
        HttpResponse<String> other = options();
        assertThat(other.statusCode()).isEqualTo(204);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("served once the slow bodies were cut")
                .isLessThan(Duration.ofSeconds(5));

        for (Slowloris s : slow) {
            String outcome = s.outcome(Duration.ofSeconds(10));
            assertThat(outcome).as("what the slow client saw").satisfiesAnyOf(
                    o -> assertThat(o).startsWith("HTTP/1.1 408"),
                    o -> assertThat(o).isEqualTo("closed"));
            if (outcome.startsWith("HTTP/1.1 408")) {
                assertThat(outcome).contains("\"code\":\"request-timeout\"");
            }
            // Cut within the body limit (1 s + a few bytes' worth) plus the watchdog's tick, not at the client's end.
            assertThat(s.lasted()).isLessThan(Duration.ofSeconds(4));
        }
        assertThat(options().statusCode()).isEqualTo(204);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void trickledHeadersAreCutAfterTheHeaderLimit() throws Exception {
        start(ServerConfig.builder(dataDir).threads(WORKERS).timeouts(SHORT));
        List<Slowloris> slow = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            // The request line, then one more header line every 200 ms, never the blank line.
            slow.add(Slowloris.start(server.port(), "GET /v1/health HTTP/1.1\r\n", "X-Slow: a\r\n"));
        }
        Thread.sleep(300);

        long t0 = System.nanoTime();
        assertThat(options().statusCode()).isEqualTo(204);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        for (Slowloris s : slow) {
            // The JDK reads headers before any handler runs: the connection is closed, there is nothing to answer.
            assertThat(s.outcome(Duration.ofSeconds(10))).isEqualTo("closed");
            assertThat(s.lasted()).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aSlowButSteadyBodyIsNotCut() throws Exception {
        start(ServerConfig.builder(dataDir).threads(WORKERS).timeouts(SHORT));
        String json = "{\"enrollmentCode\":\"NOPE-NOPE\",\"publicKey\":\"A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=\","
                + "\"name\":\"" + "x".repeat(3000) + "\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/stations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // About 1500 bytes/s for 2.2 s: longer than the 1 s grace, faster than the 1000 bytes/s asked.
            long t0 = System.nanoTime();
            for (int off = 0; off < body.length; off += 300) {
                out.write(body, off, Math.min(300, body.length - off));
                out.flush();
                Thread.sleep(200);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(1500));
            String answer = readAnswer(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 403").contains("enrollment-code-unknown");
        }
    }

    private HttpResponse<String> options() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "v1/uploads"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Whatever came back until the server closed (or 10 s passed). */
    static String readAnswer(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                b.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                if (b.indexOf("\r\n\r\n") > 0 && b.indexOf("}") > 0) {
                    break;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            return b + "<timeout>";
        } catch (IOException e) {
            // reset after the answer
        }
        return b.toString();
    }

    /** A client on a raw socket that sends {@code head}, then {@code drip} every 200 ms until the server gives up. */
    static final class Slowloris {
        private final Socket socket;
        private final long startNanos = System.nanoTime();
        private volatile long endNanos;
        private volatile String outcome;
        private final Thread dripper;
        private final Thread reader;

        private Slowloris(Socket socket, String drip) {
            this.socket = socket;
            this.dripper = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    for (int i = 0; i < 150 && outcome == null; i++) {
                        out.write(drip.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        Thread.sleep(200);
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed the connection: what we wait for
                }
            });
            this.reader = new Thread(() -> {
                StringBuilder seen = new StringBuilder();
                try {
                    byte[] buf = new byte[4096];
                    int n;
                    while ((n = socket.getInputStream().read(buf)) > 0) {
                        if (endNanos == 0) {
                            endNanos = System.nanoTime();
                        }
                        seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                    }
                } catch (IOException e) {
                    // reset: the server closed while we were still sending
                }
                if (endNanos == 0) {
                    endNanos = System.nanoTime();
                }
                outcome = seen.length() == 0 ? "closed" : seen.toString();
            });
        }

        static Slowloris start(int port, String head, String drip) throws IOException {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Slowloris s = new Slowloris(socket, drip);
            s.dripper.start();
            s.reader.start();
            return s;
        }

        String outcome(Duration wait) throws Exception {
            reader.join(wait.toMillis());
            socket.close();
            dripper.join(1000);
            return outcome == null ? "still open" : outcome;
        }

        Duration lasted() {
            return Duration.ofNanos(endNanos - startNanos);
        }
    }
}
