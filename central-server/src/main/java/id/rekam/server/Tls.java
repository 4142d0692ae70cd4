package id.rekam.server;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Server TLS from a PKCS12 keystore, the pin a station stores, and a self-signed keystore
 * made by the JDK's own {@code keytool} so no crypto library is needed for demos.
 */
public final class Tls {

    private Tls() {
    }

    public static KeyStore load(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password);
        }
        return ks;
    }

    public static SSLContext context(KeyStore ks, char[] password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /** The leaf certificate of the first key entry. */
    public static Certificate certificate(KeyStore ks) throws GeneralSecurityException {
        for (String alias : Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(alias)) {
                return ks.getCertificate(alias);
            }
        }
        throw new GeneralSecurityException("keystore holds no key entry");
    }

    /** {@code sha256/<base64 of SHA-256 of SubjectPublicKeyInfo>}, the form OkHttp's CertificatePinner takes. */
    public static String pin(Certificate certificate) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
        return "sha256/" + Base64.getEncoder().encodeToString(digest);
    }

    /**
     * Writes a PKCS12 keystore with a fresh EC P-256 key and a self-signed certificate for
     * {@code localhost}, {@code 127.0.0.1} and the given extra host names.
     */
    public static void generateSelfSigned(Path keystore, char[] password, String... extraHosts)
            throws IOException, InterruptedException {
        StringBuilder san = new StringBuilder("SAN=dns:localhost,ip:127.0.0.1");
        for (String h : extraHosts) {
            san.append(h.matches("[0-9.]+") ? ",ip:" : ",dns:").append(h);
        }
        Files.createDirectories(keystore.toAbsolutePath().getParent());
        Files.deleteIfExists(keystore);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> cmd = new ArrayList<>(List.of(keytool, "-genkeypair", "-alias", "rekam-server",
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=rekam central server", "-ext", san.toString(), "-validity", "825",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(password), "-keypass", new String(password)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
