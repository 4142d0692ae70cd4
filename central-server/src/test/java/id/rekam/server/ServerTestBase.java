package id.rekam.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Starts a server on a fresh data directory per test and stops it afterwards. */
abstract class ServerTestBase {

    static final String OFFICE = "32.76.01";

    @TempDir
    Path dataDir;

    CentralServer server;

    CentralServer start() throws Exception {
        return start(ServerConfig.builder(dataDir));
    }

    CentralServer start(ServerConfig.Builder config) throws Exception {
        server = CentralServer.start(config.build());
        return server;
    }

    /** Stops and starts again on the same data directory: a server restart. */
    CentralServer restart(ServerConfig.Builder config) throws Exception {
        server.stop();
        return start(config);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            try {
                server.stop();
            } catch (RuntimeException ignored) {
                // already stopped by the test
            }
        }
    }
}
