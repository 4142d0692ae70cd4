package id.rekam.core.domain;

import java.util.Objects;

/**
 * Alamat as on the card. Region codes are Kemendagri dotted codes
 * ({@code PP.KK.CC.NNNN} for the village); names are kept beside them because
 * a card prints names and region names change over time.
 */
public record Address(
        String street,
        String rt,
        String rw,
        String villageCode,
        String villageName,
        String districtName,
        String regencyName,
        String provinceName) {

    public Address {
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(villageCode, "villageCode");
        rt = rt == null ? "" : rt;
        rw = rw == null ? "" : rw;
    }

    /** Kecamatan code {@code PP.KK.CC}, derived from the village code. */
    public String districtCode() {
        return villageCode.length() >= 8 ? villageCode.substring(0, 8) : villageCode;
    }
}
