package id.rekam.diag.network;

import id.rekam.sync.http.PinnedTrustManager;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * One TLS handshake that records what the server presents instead of judging it, so the
 * technician sees which key answered: the sync client's pinned trust would only say "refused".
 * Nothing is sent over the connection; it is closed after the handshake.
 */
final class TlsProbe {

    record Result(String protocol, String cipher, X509Certificate certificate, String pin) {
    }

    private TlsProbe() {
    }

    static Result handshake(InetSocketAddress address, String host, Duration timeout) throws IOException {
        X509Certificate[] seen = new X509Certificate[1];
        X509TrustManager recording = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new UnsupportedOperationException("not a server");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen[0] = chain == null || chain.length == 0 ? null : chain[0];
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ctx;
        try {
            ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {recording}, new SecureRandom());
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS unavailable: " + e.getMessage(), e);
        }
        int ms = (int) timeout.toMillis();
        try (Socket plain = new Socket()) {
            plain.connect(address, ms);
            plain.setSoTimeout(ms);
            try (SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, address.getPort(), false)) {
                tls.setSoTimeout(ms);
                tls.startHandshake();
                if (seen[0] == null) {
                    throw new IOException("the server sent no certificate");
                }
                return new Result(tls.getSession().getProtocol(), tls.getSession().getCipherSuite(), seen[0],
                        PinnedTrustManager.pinOf(seen[0]));
            }
        }
    }
}
