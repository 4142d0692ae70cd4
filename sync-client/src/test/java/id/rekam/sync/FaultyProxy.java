package id.rekam.sync;

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
 * front of the server. Each new client connection draws one fate: pass through, reset after a
 * random number of request bytes (mid-body for uploads), stall first, answer 503 / 429 with
 * Retry-After itself, or answer a captive portal's HTML login page. Everything is real sockets;
 * the server behind it never knows.
 */
final class FaultyProxy implements AutoCloseable {

    /** Probabilities per connection, in percent; the rest passes through untouched. */
    record Mix(int resetPct, int stallPct, int status503Pct, int status429Pct, int portalPct, int maxResetBytes,
               int stallMillis, int maxLifetimeBytes) {
        static Mix none() {
            return new Mix(0, 0, 0, 0, 0, 1, 0, Integer.MAX_VALUE);
        }
    }

    static final String PORTAL = "<!DOCTYPE html><html><head><title>Login Wi-Fi</title></head>"
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

    final AtomicLong connections = new AtomicLong();
    final AtomicLong resets = new AtomicLong();
    final AtomicLong stalls = new AtomicLong();
    final AtomicLong injected503 = new AtomicLong();
    final AtomicLong injected429 = new AtomicLong();
    final AtomicLong portals = new AtomicLong();
    /** Bytes the client sent towards the server (what the link carried). */
    final AtomicLong upstreamBytes = new AtomicLong();

    FaultyProxy(URI server, long seed) throws IOException {
        this.upstream = new InetSocketAddress(server.getHost(), server.getPort());
        this.random = new Random(seed);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    void mix(Mix m) {
        this.mix = m;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                int roll;
                int budget;
                long lifetime;
                synchronized (random) {
                    roll = random.nextInt(100);
                    budget = 1 + random.nextInt(Math.max(1, mix.maxResetBytes()));
                    lifetime = mix.maxLifetimeBytes() == Integer.MAX_VALUE ? Long.MAX_VALUE
                            : mix.maxLifetimeBytes() / 2 + random.nextInt(Math.max(1, mix.maxLifetimeBytes() / 2));
                }
                threads.submit(() -> handle(client, roll, budget, lifetime));
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    /**
     * {@code lifetime}: even a healthy connection is cut after this many client bytes, wherever
     * that falls, so that keep-alive does not let one good connection carry the whole test.
     */
    private void handle(Socket client, int roll, int budget, long lifetime) {
        Mix m = mix;
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
    private void answer(Socket client, String status, String type, String body, String extraHeaders) {
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
            server.connect(upstream, 5_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        threads.submit(() -> copy(server, client, Long.MAX_VALUE, false, client, server));
        copy(client, server, budget, true, client, server);
    }

    private void copy(Socket from, Socket to, long budget, boolean countUp, Socket a, Socket b) {
        byte[] buf = new byte[16 * 1024];
        long left = budget;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (true) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, Math.max(1, left)));
                if (n < 0) {
                    break;
                }
                int pass = (int) Math.min(n, left);
                out.write(buf, 0, pass);
                out.flush();
                if (countUp) {
                    upstreamBytes.addAndGet(pass);
                }
                left -= pass;
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

    String summary() {
        return "connections=" + connections + " resets=" + resets + " stalls=" + stalls + " 503=" + injected503
                + " 429=" + injected429 + " portal=" + portals + " upstreamBytes=" + upstreamBytes;
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
