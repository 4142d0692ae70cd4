package id.rekam.diag.network;

import java.net.URI;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The central server the station delivers to, as its settings name it, and — when the store is
 * unlocked — how to sign requests as the station. Without a signer the checks still reach the
 * server, but cannot make it prove it knows the station, nor measure throughput.
 *
 * @param pin    {@code sha256/<base64>}; null for plain http (demo, tests)
 * @param signer signs canonical requests with the station key; null when the store is locked
 */
public record NetworkTarget(URI server, String pin, String stationId, UnaryOperator<byte[]> signer) {

    public Optional<UnaryOperator<byte[]>> signing() {
        return Optional.ofNullable(signer);
    }

    public boolean https() {
        return "https".equalsIgnoreCase(server.getScheme());
    }

    public int port() {
        return server.getPort() > 0 ? server.getPort() : https() ? 443 : 80;
    }
}
