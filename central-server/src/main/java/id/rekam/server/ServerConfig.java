package id.rekam.server;

import id.rekam.server.http.RequestTimeouts;
import id.rekam.server.quota.Quotas;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@link CentralServer#start} needs. Build with {@link #builder(Path)}; the
 * defaults suit a test: loopback, an ephemeral port, plain HTTP, no admin endpoint, no quotas
 * ({@link CentralServerMain} turns on {@link Quotas#defaults()}); the request time limits and
 * the bound on unverified bodies are on everywhere.
 *
 * @param port                       0 picks a free port ({@link CentralServer#port()} tells which)
 * @param tlsKeystore                PKCS12 keystore with the server key and certificate; null = plain HTTP
 * @param adminToken                 enables {@code /admin/} with this bearer token; null = disabled
 * @param clockSkew                  accepted distance between request timestamp and server clock
 * @param printReadyAfter            accepted records become print-ready after this delay; null = only by admin
 * @param acceptUnparseableTemplates true: skip fingerprint dedup for a template SourceAFIS cannot read
 *                                   (demo data); false: reject the record
 * @param maxPacketSize              largest packet (Tus-Max-Size)
 * @param maxRequestBody             largest single request body, hence largest tus chunk
 * @param maxUnverifiedBody          largest body read before a signature vouches for it: enrollment, and
 *                                   signed requests without {@code X-Rekam-Content-SHA256}
 * @param timeouts                   how long a slow client may hold a worker thread
 * @param quotas                     requests and bytes per station and per address ({@code 429})
 */
public record ServerConfig(
        Path dataDir,
        String bindAddress,
        int port,
        Path tlsKeystore,
        char[] tlsPassword,
        String adminToken,
        Duration clockSkew,
        Duration printReadyAfter,
        boolean acceptUnparseableTemplates,
        long maxPacketSize,
        long maxRequestBody,
        long maxUnverifiedBody,
        RequestTimeouts timeouts,
        Quotas quotas,
        int threads,
        Clock clock) {

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(quotas, "quotas");
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    public boolean tls() {
        return tlsKeystore != null;
    }

    public static final class Builder {
        private final Path dataDir;
        private String bindAddress = "127.0.0.1";
        private int port;
        private Path tlsKeystore;
        private char[] tlsPassword;
        private String adminToken;
        private Duration clockSkew = Duration.ofMinutes(5);
        private Duration printReadyAfter;
        private boolean acceptUnparseableTemplates;
        private long maxPacketSize = 64L * 1024 * 1024;
        private long maxRequestBody = 8L * 1024 * 1024;
        // An enrollment is under 1 KiB, an event batch or anchor a few; 64 KiB leaves room for any of them.
        private long maxUnverifiedBody = 64L * 1024;
        private RequestTimeouts timeouts = RequestTimeouts.defaults();
        private Quotas quotas = Quotas.unlimited();
        private int threads = 8;
        private Clock clock = Clock.systemUTC();

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        public Builder bindAddress(String v) { bindAddress = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder tls(Path keystore, char[] password) { tlsKeystore = keystore; tlsPassword = password; return this; }
        public Builder adminToken(String v) { adminToken = v; return this; }
        public Builder clockSkew(Duration v) { clockSkew = v; return this; }
        public Builder printReadyAfter(Duration v) { printReadyAfter = v; return this; }
        public Builder acceptUnparseableTemplates(boolean v) { acceptUnparseableTemplates = v; return this; }
        public Builder maxPacketSize(long v) { maxPacketSize = v; return this; }
        public Builder maxRequestBody(long v) { maxRequestBody = v; return this; }
        public Builder maxUnverifiedBody(long v) { maxUnverifiedBody = v; return this; }
        public Builder timeouts(RequestTimeouts v) { timeouts = v; return this; }
        public Builder quotas(Quotas v) { quotas = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }

        public ServerConfig build() {
            return new ServerConfig(dataDir, bindAddress, port, tlsKeystore, tlsPassword, adminToken, clockSkew,
                    printReadyAfter, acceptUnparseableTemplates, maxPacketSize,
                    maxRequestBody, maxUnverifiedBody, timeouts, quotas, threads, clock);
        }
    }
}
