package id.rekam.core.region;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kemendagri region code as the catalog knows it.
 *
 * @param code       dotted code, e.g. {@code 32.76.01}
 * @param name       name in the most recent list that has the code (older lists spell
 *                   names in capitals, e.g. {@code KAB. ACEH SELATAN})
 * @param lists      ids of the lists (e.g. {@code 2016} … {@code 2025}) the code appears in, oldest first
 * @param current    whether the current list has the code
 * @param population residents, where published (only the country, provinces and kabupaten/kota)
 */
public record Region(String code, String name, RegionLevel level, RegionType type, List<String> lists,
                     boolean current, Optional<Population> population) {

    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(type, "type");
        lists = List.copyOf(lists);
        Objects.requireNonNull(population, "population");
        if (lists.isEmpty()) {
            throw new IllegalArgumentException("a region appears in at least one list");
        }
    }

    /** The first list that has this code. */
    public String firstList() {
        return lists.get(0);
    }

    /** The last list that has this code; equals the current list id when {@link #current()}. */
    public String lastList() {
        return lists.get(lists.size() - 1);
    }

    /** Parent code, or empty for a province. */
    public Optional<String> parentCode() {
        return Optional.ofNullable(RegionCodes.parent(code));
    }
}
