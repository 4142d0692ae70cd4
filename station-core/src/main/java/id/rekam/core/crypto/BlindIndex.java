package id.rekam.core.crypto;

import id.rekam.core.domain.Nik;

import java.nio.charset.StandardCharsets;

/**
 * Keyed equality index for NIKs. A plain hash would not do: a NIK has only ~10^10 plausible
 * values per kecamatan, so anyone with the database could hash them all. With the index key
 * (wrapped under the passphrase) the index reveals only which rows share a NIK.
 */
public final class BlindIndex {

    private static final byte[] NIK_DOMAIN = "rekam-bidx-nik-v1:".getBytes(StandardCharsets.US_ASCII);

    private final Hmac hmac;

    public BlindIndex(byte[] indexKey) {
        this.hmac = new Hmac(indexKey);
    }

    public byte[] nik(Nik nik) {
        return hmac.mac(NIK_DOMAIN, nik.value().getBytes(StandardCharsets.US_ASCII));
    }
}
