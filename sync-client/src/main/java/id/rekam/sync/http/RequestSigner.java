package id.rekam.sync.http;

import java.util.function.UnaryOperator;

/**
 * Signs a request's canonical form (docs/sync-protocol.md §3). {@link #keyHeader()} names the key
 * for the server's {@code X-Rekam-Key} header: null for the station key, {@code transport} for the
 * sync service's transport key.
 */
public interface RequestSigner extends UnaryOperator<byte[]> {

    default String keyHeader() {
        return null;
    }

    static RequestSigner stationKey(UnaryOperator<byte[]> sign) {
        return sign::apply;
    }
}
