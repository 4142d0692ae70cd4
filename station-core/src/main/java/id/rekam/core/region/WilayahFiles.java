package id.rekam.core.region;

/**
 * Names and layout of the derived region resources, shared by the importer that writes
 * them and the catalog that reads them.
 *
 * <p>{@code wilayah.tsv.gz}: UTF-8, header lines start with {@code #}; a {@code #list} line
 * per source list, oldest first, the current list last; then one row per code, sorted by
 * code: {@code kode, nama, first, last, missing} where {@code first}/{@code last} are the
 * first and last list ids having the code and {@code missing} the comma-separated ids of lists
 * between them that lack it (usually empty).
 *
 * <p>{@code penduduk.tsv.gz}: {@code kode, pria, wanita, total}; kode {@code 0} is the country.
 */
public final class WilayahFiles {

    public static final String RESOURCE_DIR = "/id/rekam/core/region/";
    public static final String WILAYAH = "wilayah.tsv.gz";
    public static final String PENDUDUK = "penduduk.tsv.gz";
    public static final String LICENSE = "wilayah-LICENSE.txt";

    public static final String WILAYAH_MAGIC = "#rekam-wilayah\t1";
    public static final String PENDUDUK_MAGIC = "#rekam-penduduk\t1";
    public static final String LIST_PREFIX = "#list\t";
    public static final String NATIONAL_CODE = "0";

    private WilayahFiles() {
    }
}
