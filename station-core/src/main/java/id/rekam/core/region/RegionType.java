package id.rekam.core.region;

/**
 * What kind of region a code denotes. Kemendagri encodes it in the code itself:
 * kabupaten 01–69 and kota 71–99; village numbers start with 1 for a kelurahan, 2 for a
 * desa and 3 for a desa adat (customary village; only Kabupaten Jayapura uses them).
 */
public enum RegionType {
    PROVINSI(RegionLevel.PROVINSI),
    KABUPATEN(RegionLevel.KABUPATEN_KOTA),
    KOTA(RegionLevel.KABUPATEN_KOTA),
    KECAMATAN(RegionLevel.KECAMATAN),
    KELURAHAN(RegionLevel.KELURAHAN_DESA),
    DESA(RegionLevel.KELURAHAN_DESA),
    DESA_ADAT(RegionLevel.KELURAHAN_DESA);

    private final RegionLevel level;

    RegionType(RegionLevel level) {
        this.level = level;
    }

    public RegionLevel level() {
        return level;
    }

    /** @throws IllegalArgumentException when the code is malformed or its type digit has no meaning */
    public static RegionType ofCode(String code) {
        RegionLevel level = RegionCodes.level(code);
        switch (level) {
            case PROVINSI:
                return PROVINSI;
            case KABUPATEN_KOTA: {
                int n = Integer.parseInt(code.substring(3, 5));
                if (n >= 1 && n <= 69) {
                    return KABUPATEN;
                }
                if (n >= 71) {
                    return KOTA;
                }
                throw new IllegalArgumentException("kabupaten/kota number must be 01–69 or 71–99: " + code);
            }
            case KECAMATAN:
                return KECAMATAN;
            default: {
                char first = code.charAt(9);
                if (first == '1') {
                    return KELURAHAN;
                }
                if (first == '2') {
                    return DESA;
                }
                if (first == '3') {
                    return DESA_ADAT;
                }
                throw new IllegalArgumentException("village number must start with 1, 2 or 3: " + code);
            }
        }
    }
}
