package id.rekam.server;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsTest extends ServerTestBase {

    @Test
    void servesHttpsWithAGeneratedSelfSignedKeystoreAndReportsItsPin() throws Exception {
        char[] password = "test-pass".toCharArray();
        Path keystore = dataDir.resolve("tls.p12");
        Tls.generateSelfSigned(keystore, password);
        start(ServerConfig.builder(dataDir).tls(keystore, password));
        assertThat(server.baseUri().getScheme()).isEqualTo("https");

        KeyStore ks = Tls.load(keystore, password);
        java.security.cert.Certificate cert = Tls.certificate(ks);
        String expectedPin = "sha256/" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded()));
        assertThat(server.tlsPin()).isEqualTo(expectedPin);

        // A client that trusts exactly this certificate gets through, over TLS, and can enroll.
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        HttpClient pinned = HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> options = pinned.send(HttpRequest.newBuilder(server.baseUri().resolve("/v1/uploads"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.sslSession()).isPresent();

        // The default trust store does not know a self-signed server: identity check fails.
        HttpClient stranger = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThatThrownBy(() -> stranger.send(HttpRequest.newBuilder(server.baseUri().resolve("/v1/uploads"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }
}
