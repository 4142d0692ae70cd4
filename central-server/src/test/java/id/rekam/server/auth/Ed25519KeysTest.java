package id.rekam.server.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The Bouncy Castle verifier must judge JDK-made signatures exactly as the JDK does. */
class Ed25519KeysTest {

    @Test
    void acceptsJdkSignaturesAndRefusesAnyChange() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] message = "rekam-req-v1\nPATCH\n/v1/uploads/x\nST-327601-0001\n1\nn\nhash".getBytes(StandardCharsets.UTF_8);
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(kp.getPrivate());
        s.update(message);
        byte[] sig = s.sign();
        String b64 = Base64.getEncoder().encodeToString(sig);

        assertThat(Ed25519Keys.verify(kp.getPublic(), message, b64)).isTrue();
        // The same key decoded from its wire form (raw 32 bytes) verifies too.
        assertThat(Ed25519Keys.verify(Ed25519Keys.publicKey(Ed25519Keys.encode(kp.getPublic())), message, b64)).isTrue();

        byte[] tamperedMessage = message.clone();
        tamperedMessage[tamperedMessage.length - 1] ^= 1;
        assertThat(Ed25519Keys.verify(kp.getPublic(), tamperedMessage, b64)).isFalse();
        byte[] tamperedSig = sig.clone();
        tamperedSig[10] ^= 1;
        assertThat(Ed25519Keys.verify(kp.getPublic(), message, Base64.getEncoder().encodeToString(tamperedSig))).isFalse();
        assertThat(Ed25519Keys.verify(other.getPublic(), message, b64)).isFalse();
        assertThat(Ed25519Keys.verify(kp.getPublic(), message, "not base64!")).isFalse();
        assertThat(Ed25519Keys.verify(kp.getPublic(), message, Base64.getEncoder().encodeToString(new byte[63]))).isFalse();

        // The cached-point variant over the stored key text judges exactly the same, also on a second call.
        String raw = Ed25519Keys.encode(kp.getPublic());
        for (int call = 0; call < 2; call++) {
            assertThat(Ed25519Keys.verify(raw, message, b64)).isTrue();
            assertThat(Ed25519Keys.verify(raw, tamperedMessage, b64)).isFalse();
            assertThat(Ed25519Keys.verify(raw, message, Base64.getEncoder().encodeToString(tamperedSig))).isFalse();
            assertThat(Ed25519Keys.verify(Ed25519Keys.encode(other.getPublic()), message, b64)).isFalse();
            assertThat(Ed25519Keys.verify(raw, message, "not base64!")).isFalse();
        }
        assertThat(Ed25519Keys.verify("not a key", message, b64)).isFalse();
        assertThat(Ed25519Keys.verify(Base64.getEncoder().encodeToString(new byte[31]), message, b64)).isFalse();
    }
}
