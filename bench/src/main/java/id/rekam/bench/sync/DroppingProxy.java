package id.rekam.bench.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loopback TCP proxy that resets a given share of connections after a random number of
 * request bytes (mid-body for an upload), and counts every byte the client sent through it.
 */
final class DroppingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dropping-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Random random;
    private final int dropPercent;
    private final int maxDropAfter;
    private volatile boolean closed;

    final AtomicLong connections = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong clientBytes = new AtomicLong();

    DroppingProxy(URI server, int dropPercent, int maxDropAfter, long seed) throws IOException {
        this.upstream = new InetSocketAddress(server.getHost(), server.getPort());
        this.dropPercent = dropPercent;
        this.maxDropAfter = maxDropAfter;
        this.random = new Random(seed);
        this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    private void accept() {
        while (!closed) {
            try {
                Socket c = listener.accept();
                connections.incrementAndGet();
                long budget;
                synchronized (random) {
                    budget = random.nextInt(100) < dropPercent ? 1 + random.nextInt(maxDropAfter) : Long.MAX_VALUE;
                }
                if (budget != Long.MAX_VALUE) {
                    dropped.incrementAndGet();
                }
                threads.submit(() -> pipe(c, budget));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pipe(Socket client, long budget) {
        Socket server = new Socket();
        try {
            server.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            server.connect(upstream, 5_000);
        } catch (IOException e) {
            close(client, false);
            close(server, false);
            return;
        }
        threads.submit(() -> copy(server, client, Long.MAX_VALUE, false, client, server));
        copy(client, server, budget, true, client, server);
    }

    private void copy(Socket from, Socket to, long budget, boolean count, Socket a, Socket b) {
        byte[] buf = new byte[64 * 1024];
        long left = budget;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (true) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                if (count) {
                    clientBytes.addAndGet(n);
                }
                left -= n;
                if (left <= 0) {
                    close(a, true);
                    close(b, true);
                    return;
                }
            }
        } catch (IOException ignored) {
            // a side went away
        }
        close(a, false);
        close(b, false);
    }

    private static void close(Socket s, boolean reset) {
        try {
            if (reset) {
                s.setSoLinger(true, 0);
            }
            s.close();
        } catch (IOException ignored) {
            // closing anyway
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
