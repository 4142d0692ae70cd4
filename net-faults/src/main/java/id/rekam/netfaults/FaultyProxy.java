package id.rekam.netfaults;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 that misbehaves like a bad rural link or a meddling network in
 * front of a server. Each new client connection draws one fate from the {@link Mix}: pass
 * through, reset after a random number of request bytes (mid-body for uploads), stall first,
 * answer 503 / 429 with Retry-After itself, or answer a captive portal's HTML login page.
 * Everything is real sockets; the server behind it never knows. Seeded, so a run's sequence of
 * fates is repeatable. Used by sync-client's chaos tests and by the sync drain bench.
 */
public final class FaultyProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaultyProxy.class);

    /**
     * Probabilities per connection, in percent; the rest passes through untouched.
     *
     * @param maxResetBytes    a reset connection is cut after 1..this many client bytes
     * @param stallMillis      how long a stalled connection waits before it passes through
     * @param maxLifetimeBytes even a healthy connection is cut (reset) after between half of
     *                         this and this many client bytes, so that keep-alive does not let
     *                         one good connection carry a whole test; {@link Integer#MAX_VALUE}
     *                         for never
     */
    public record Mix(int resetPct, int stallPct, int status503Pct, int status429Pct, int portalPct,
                      int maxResetBytes, int stallMillis, int maxLifetimeBytes) {
        public Mix {
            int sum = resetPct + stallPct + status503Pct + status429Pct + portalPct;
            if (resetPct < 0 || stallPct < 0 || status503Pct < 0 || status429Pct < 0 || portalPct < 0 || sum > 100) {
                throw new IllegalArgumentException("percentages must be >= 0 and add up to at most 100: " + sum);
            }
            if (maxResetBytes < 1 || stallMillis < 0 || maxLifetimeBytes < 2) {
                throw new IllegalArgumentException("maxResetBytes >= 1, stallMillis >= 0, maxLifetimeBytes >= 2");
            }
        }

        /** Every connection passes through. */
        public static Mix none() {
            return new Mix(0, 0, 0, 0, 0, 1, 0, Integer.MAX_VALUE);
        }

        /** Only resets: {@code percent} of connections cut after 1..{@code maxResetBytes} client bytes. */
        public static Mix resets(int percent, int maxResetBytes) {
            return new Mix(percent, 0, 0, 0, 0, maxResetBytes, 0, Integer.MAX_VALUE);
        }
    }

    /** What a captive portal answers instead of the server. */
    public static final String PORTAL = "<!DOCTYPE html><html><head><title>Login Wi-Fi</title></head>"
            + "<body><form action=\"/login\"><input name=\"voucher\"></form></body></html>";

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Random random;
    private volatile Mix mix = Mix.none();
    private volatile boolean closed;

    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private final AtomicLong injected503 = new AtomicLong();
    private final AtomicLong injected429 = new AtomicLong();
    private final AtomicLong portals = new AtomicLong();
    private final AtomicLong upstreamBytes = new AtomicLong();

    /** Listens on an ephemeral loopback port; passes everything through until {@link #mix(Mix)}. */
    public FaultyProxy(URI server, long seed) throws IOException {
        this.upstream = new InetSocketAddress(server.getHost(), server.getPort());
        this.random = new Random(seed);
        this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    public FaultyProxy(URI server, long seed, Mix mix) throws IOException {
        this(server, seed);
        mix(mix);
    }

    /** The base URI clients use instead of the server's. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    /** Applies to connections accepted from now on. */
    public void mix(Mix m) {
        this.mix = m;
    }

    /**
     * What the proxy did so far.
     *
     * @param resets        connections drawn to be reset mid-request (not healthy ones cut at their lifetime)
     * @param upstreamBytes bytes the clients sent towards the server (what the link carried, incl. those cut off)
     */
    public record Counts(long connections, long resets, long stalls, long injected503, long injected429, long portals,
                         long upstreamBytes) {
        @Override
        public String toString() {
            return "connections=" + connections + " resets=" + resets + " stalls=" + stalls + " 503=" + injected503
                    + " 429=" + injected429 + " portal=" + portals + " upstreamBytes=" + upstreamBytes;
        }
    }

    public Counts counts() {
        return new Counts(connections.get(), resets.get(), stalls.get(), injected503.get(), injected429.get(),
                portals.get(), upstreamBytes.get());
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                Mix m = mix;
                int roll;
                int budget;
                long lifetime;
                synchronized (random) {
                    roll = random.nextInt(100);
                    budget = 1 + random.nextInt(m.maxResetBytes());
                    lifetime = m.maxLifetimeBytes() == Integer.MAX_VALUE ? Long.MAX_VALUE
                            : m.maxLifetimeBytes() / 2 + random.nextInt(m.maxLifetimeBytes() / 2);
                }
                threads.submit(() -> handle(client, m, roll, budget, lifetime));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void handle(Socket client, Mix m, int roll, int budget, long lifetime) {
        int t = m.resetPct();
        try {
            if (roll < t) {
                resets.incrementAndGet();
                pipe(client, budget);
                return;
            }
            if (roll < (t += m.stallPct())) {
                stalls.incrementAndGet();
                Thread.sleep(m.stallMillis());
                pipe(client, lifetime);
                return;
            }
            if (roll < (t += m.status503Pct())) {
                injected503.incrementAndGet();
                answer(client, "503 Service Unavailable", "application/json", "{\"code\":\"unavailable\"}",
                        "Retry-After: 0\r\n");
                return;
            }
            if (roll < (t += m.status429Pct())) {
                injected429.incrementAndGet();
                answer(client, "429 Too Many Requests", "application/json", "{\"code\":\"rate-limited\"}",
                        "Retry-After: 1\r\n");
                return;
            }
            if (roll < t + m.portalPct()) {
                portals.incrementAndGet();
                answer(client, "200 OK", "text/html; charset=utf-8", PORTAL, "");
                return;
            }
            pipe(client, lifetime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(client);
        }
    }

    /** Reads the request head, then answers on its own and closes, as a middlebox would. */
    private static void answer(Socket client, String status, String type, String body, String extraHeaders) {
        try (client) {
            InputStream in = client.getInputStream();
            int matched = 0;
            int b;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < 4 && (b = in.read()) != -1) {
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            String head = "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: "
                    + payload.length + "\r\n" + extraHeaders + "Connection: close\r\n\r\n";
            OutputStream out = client.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
        } catch (IOException ignored) {
            // the client gave up first
        }
    }

    /** Two-way copy; after {@code budget} client bytes both sides are reset (RST, not FIN). */
    private void pipe(Socket client, long budget) {
        Socket server = new Socket();
        try {
            // Small writes (request heads, acks) must not wait for Nagle: the bench times this path.
            server.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            server.connect(upstream, 5_000);
        } catch (IOException e) {
            log.debug("upstream {} not reachable: {}", upstream, e.toString());
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        threads.submit(() -> copy(server, client, Long.MAX_VALUE, false, client, server));
        copy(client, server, budget, true, client, server);
    }

    private void copy(Socket from, Socket to, long budget, boolean countUp, Socket a, Socket b) {
        byte[] buf = new byte[64 * 1024];
        long left = budget;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (true) {
                // Never read past the budget, so the server gets exactly the bytes before the cut.
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                if (countUp) {
                    // Counted before the write: once the server has the bytes, a reader of counts() sees them.
                    upstreamBytes.addAndGet(n);
                }
                out.write(buf, 0, n);
                left -= n;
                if (left <= 0) {
                    reset(a);
                    reset(b);
                    return;
                }
            }
        } catch (IOException ignored) {
            // one side went away; close both below
        }
        closeQuietly(a);
        closeQuietly(b);
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // already closed
        }
        closeQuietly(s);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
