package id.rekam.core.crypto;

/**
 * One entry of the key ring as stored: a secret sealed under a key-encryption key. For
 * passphrase-wrapped keys {@code salt}/{@code iterations} say how to re-derive that KEK;
 * for keys sealed under the data key they are {@code null}/0.
 */
public record WrappedKey(String name, byte[] salt, int iterations, byte[] sealed) {
}
