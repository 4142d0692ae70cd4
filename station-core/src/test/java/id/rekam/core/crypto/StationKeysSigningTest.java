package id.rekam.core.crypto;

import id.rekam.core.packet.PacketCodec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Packets are signed with BouncyCastle's Ed25519 at the station and verified with the JDK's
 * {@code Signature.getInstance("Ed25519")} on the central server: the two must agree.
 */
class StationKeysSigningTest {

    private static final char[] PASS = "signing-test".toCharArray();

    @Test
    void stationSignatureVerifiesWithTheJdkAndEqualsTheJdkSignature() throws Exception {
        StationKeys.Created created = StationKeys.create(PASS, 10);
        StationKeys keys = created.keys();
        for (int i = 0; i < 20; i++) {
            byte[] message = PacketCodec.signingInput("packet-" + i, PacketCodec.sha256Hex(new byte[] {(byte) i}));
            byte[] signature = keys.sign(message);

            assertThat(signature).hasSize(64);
            Signature jdkVerify = Signature.getInstance("Ed25519");
            jdkVerify.initVerify(keys.publicKey());
            jdkVerify.update(message);
            assertThat(jdkVerify.verify(signature)).as("JDK verifies the station signature").isTrue();

            // Ed25519 is deterministic (RFC 8032): the JDK signing with the same key gives the same bytes.
            Signature jdkSign = Signature.getInstance("Ed25519");
            jdkSign.initSign(storedPrivateKey(created));
            jdkSign.update(message);
            assertThat(signature).isEqualTo(jdkSign.sign());
        }
    }

    @Test
    void jdkRejectsTheSignatureForAnotherMessageOrKey() throws Exception {
        StationKeys keys = StationKeys.create(PASS, 10).keys();
        StationKeys other = StationKeys.create(PASS, 10).keys();
        byte[] message = "rekam-packet-v1:a:b".getBytes(StandardCharsets.UTF_8);
        byte[] signature = keys.sign(message);

        assertThat(StationKeys.verify(keys.publicKey(), message, signature)).isTrue();
        assertThat(StationKeys.verify(keys.publicKey(), "rekam-packet-v1:a:c".getBytes(StandardCharsets.UTF_8),
                signature)).isFalse();
        assertThat(StationKeys.verify(other.publicKey(), message, signature)).isFalse();
    }

    @Test
    void unlockedKeysSignLikeTheCreatedOnes() throws Exception {
        StationKeys.Created created = StationKeys.create(PASS, 10);
        StationKeys unlocked = StationKeys.unlock(PASS, created.wrapped(), created.publicKey());
        byte[] message = "rekam-packet-v1:x:y".getBytes(StandardCharsets.UTF_8);

        assertThat(unlocked.sign(message)).isEqualTo(created.keys().sign(message));
    }

    private static PrivateKey storedPrivateKey(StationKeys.Created created) throws Exception {
        WrappedKey wrapped = created.wrapped().stream()
                .filter(k -> k.name().equals(StationKeys.SIGNING_KEY)).findFirst().orElseThrow();
        byte[] pkcs8 = created.keys().data().decrypt(wrapped.sealed(), "keyring", StationKeys.SIGNING_KEY);
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }
}
