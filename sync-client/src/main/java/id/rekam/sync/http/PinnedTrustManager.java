package id.rekam.sync.http;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * Trusts exactly one server key: the one whose SubjectPublicKeyInfo hashes to the pin the
 * station got at enrollment ({@code sha256/<base64>}, OkHttp's pin form). The central server
 * of a province may well have a self-signed certificate, so the pin replaces CA trust instead
 * of adding to it; a valid CA certificate for another key is refused all the same.
 */
public final class PinnedTrustManager implements X509TrustManager {

    private final String pin;

    public PinnedTrustManager(String pin) {
        if (pin == null || !pin.startsWith("sha256/")) {
            throw new IllegalArgumentException("pin must be sha256/<base64>");
        }
        this.pin = pin;
    }

    public static String pinOf(X509Certificate certificate) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
            return "sha256/" + Base64.getEncoder().encodeToString(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("server sent no certificate");
        }
        chain[0].checkValidity();
        String actual = pinOf(chain[0]);
        if (!MessageDigest.isEqual(actual.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                pin.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new CertificateException("server key " + actual + " is not the pinned " + pin);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    public SSLContext sslContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {this}, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
