package id.rekam.core.region;

/** The four tiers of Kemendagri codes; the number of dotted segments gives the tier. */
public enum RegionLevel {
    PROVINSI,
    KABUPATEN_KOTA,
    KECAMATAN,
    KELURAHAN_DESA;

    /** 1 for a province … 4 for a village. */
    public int depth() {
        return ordinal() + 1;
    }

    public static RegionLevel ofDepth(int depth) {
        if (depth < 1 || depth > 4) {
            throw new IllegalArgumentException("region depth must be 1–4: " + depth);
        }
        return values()[depth - 1];
    }
}
