package id.rekam.core.region;

/**
 * One official list of region codes the catalog was built from.
 *
 * @param id     short id, the year in the source file name (e.g. {@code 2016}) or, for the
 *               current list, the year of its decree
 * @param source file it was derived from, relative to the source data folder
 * @param decree the Kepmendagri decree the file names, or empty when the file names none
 */
public record RegionList(String id, String source, String decree) {
}
