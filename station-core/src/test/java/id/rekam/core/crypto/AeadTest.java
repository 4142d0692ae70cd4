package id.rekam.core.crypto;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AeadTest {

    private final Aead aead = new Aead(new byte[32]);

    @Property(tries = 60)
    void roundTripsAnySizeAcrossChunkBoundaries(@ForAll @IntRange(min = 0, max = 70_000) int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        byte[] sealed = aead.encrypt(data, "rec-1", "body");
        assertThat(sealed).hasSize(size + Aead.OVERHEAD);
        assertThat(aead.decrypt(sealed, "rec-1", "body")).isEqualTo(data);
    }

    @Test
    void wrongOwnerFieldKeyOrByteFailsAuthentication() {
        byte[] data = new byte[40_000];
        new Random(1).nextBytes(data);
        byte[] sealed = aead.encrypt(data, "rec-1", "body");
        assertThatThrownBy(() -> aead.decrypt(sealed, "rec-2", "body")).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> aead.decrypt(sealed, "rec-1", "summary")).isInstanceOf(DecryptionException.class);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> new Aead(otherKey).decrypt(sealed, "rec-1", "body"))
                .isInstanceOf(DecryptionException.class);
        sealed[30_000] ^= 1;
        assertThatThrownBy(() -> aead.decrypt(sealed, "rec-1", "body")).isInstanceOf(DecryptionException.class);
    }

    @Test
    void sameInputSealsDifferentlyEachTime() {
        byte[] data = "SITI RAHAYU".getBytes();
        assertThat(aead.encrypt(data, "r", "f")).isNotEqualTo(aead.encrypt(data, "r", "f"));
    }
}
