package id.rekam.core.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

/**
 * Every Kemendagri region code of the current list and of the archived lists (a NIK keeps
 * the kecamatan of first registration, so old codes stay valid prefixes), with names and,
 * for provinces and kabupaten/kota, population.
 *
 * <p>Codes are held packed in a sorted {@code long[]}, so a lookup is a binary search and the
 * subtree of a code is one contiguous range; {@link Region} objects are built on demand.
 * {@link #bundled()} loads the resources shipped in this jar on first use and keeps them.
 */
public final class RegionCatalog {

    private static final Pattern DESIGNATOR = Pattern.compile(
            "^(kabupaten|kab\\.|kota)( (administrasi|adm\\.))? ");

    private final List<RegionList> lists;
    private final long[] keys;
    private final PackedNames names;
    private final int[] masks;
    private final int currentBit;
    private final Map<String, Population> population;
    private final Map<Integer, List<String>> listIdsByMask = new HashMap<>();
    private final int[] provinceIndexes;

    private RegionCatalog(List<RegionList> lists, long[] keys, PackedNames names, int[] masks,
                          Map<String, Population> population) {
        this.lists = List.copyOf(lists);
        this.keys = keys;
        this.names = names;
        this.masks = masks;
        this.currentBit = 1 << (lists.size() - 1);
        this.population = Map.copyOf(population);
        this.provinceIndexes = IntStream.range(0, keys.length)
                .filter(i -> RegionCodes.depthOf(keys[i]) == 1).toArray();
        for (int mask : Arrays.stream(masks).distinct().toArray()) {
            List<String> ids = new ArrayList<>();
            for (int b = 0; b < lists.size(); b++) {
                if ((mask & (1 << b)) != 0) {
                    ids.add(lists.get(b).id());
                }
            }
            listIdsByMask.put(mask, List.copyOf(ids));
        }
    }

    /** The catalog shipped with station-core, loaded on first call (about 100,000 codes). */
    public static RegionCatalog bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final RegionCatalog INSTANCE = loadBundled();

        private static RegionCatalog loadBundled() {
            try (InputStream w = open(WilayahFiles.WILAYAH); InputStream p = open(WilayahFiles.PENDUDUK)) {
                return read(w, p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled region codes", e);
            }
        }

        private static InputStream open(String name) {
            InputStream in = RegionCatalog.class.getResourceAsStream(WilayahFiles.RESOURCE_DIR + name);
            if (in == null) {
                throw new IllegalStateException("region resource missing from the classpath: " + name);
            }
            return in;
        }
    }

    /** Reads the gzip-compressed TSV resources described in {@link WilayahFiles}. */
    public static RegionCatalog read(InputStream wilayahGz, InputStream pendudukGz) throws IOException {
        List<RegionList> lists = new ArrayList<>();
        Map<String, Integer> listIndex = new HashMap<>();
        long[] keys = new long[1 << 17];
        PackedNames.Builder names = new PackedNames.Builder();
        int[] masks = new int[keys.length];
        int n = 0;
        try (BufferedReader r = reader(wilayahGz)) {
            expectMagic(r, WilayahFiles.WILAYAH_MAGIC);
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    if (line.startsWith(WilayahFiles.LIST_PREFIX)) {
                        String[] f = line.split("\t", -1);
                        listIndex.put(f[1], lists.size());
                        lists.add(new RegionList(f[1], f[2], f[3]));
                    }
                    continue;
                }
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, n * 2);
                    masks = Arrays.copyOf(masks, n * 2);
                }
                int t1 = line.indexOf('\t');
                int t2 = line.indexOf('\t', t1 + 1);
                int t3 = line.indexOf('\t', t2 + 1);
                int t4 = line.indexOf('\t', t3 + 1);
                if (t1 < 0 || t2 < 0 || t3 < 0 || t4 < 0) {
                    throw new IOException("malformed region row: " + line);
                }
                long key = RegionCodes.pack(line.substring(0, t1));
                if (n > 0 && key <= keys[n - 1]) {
                    throw new IOException("region rows not sorted by code at " + line.substring(0, t1));
                }
                int first = index(listIndex, line.substring(t2 + 1, t3));
                int last = index(listIndex, line.substring(t3 + 1, t4));
                int mask = 0;
                for (int b = first; b <= last; b++) {
                    mask |= 1 << b;
                }
                if (t4 + 1 < line.length()) {
                    for (String missing : line.substring(t4 + 1).split(",")) {
                        mask &= ~(1 << index(listIndex, missing));
                    }
                }
                keys[n] = key;
                names.add(line.substring(t1 + 1, t2));
                masks[n] = mask;
                n++;
            }
        }
        if (lists.isEmpty() || lists.size() > 31) {
            throw new IOException("region data must name 1–31 lists, found " + lists.size());
        }
        return new RegionCatalog(lists, Arrays.copyOf(keys, n), names.build(), Arrays.copyOf(masks, n),
                readPopulation(pendudukGz));
    }

    private static Map<String, Population> readPopulation(InputStream pendudukGz) throws IOException {
        Map<String, Population> population = new HashMap<>();
        try (BufferedReader r = reader(pendudukGz)) {
            expectMagic(r, WilayahFiles.PENDUDUK_MAGIC);
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 4) {
                    throw new IOException("malformed population row: " + line);
                }
                population.put(f[0], new Population(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])));
            }
        }
        return population;
    }

    private static BufferedReader reader(InputStream gz) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(gz, 1 << 16), StandardCharsets.UTF_8),
                1 << 16);
    }

    private static void expectMagic(BufferedReader r, String magic) throws IOException {
        String first = r.readLine();
        if (!magic.equals(first)) {
            throw new IOException("expected header " + magic + " but found " + first);
        }
    }

    private static int index(Map<String, Integer> listIndex, String id) throws IOException {
        Integer i = listIndex.get(id);
        if (i == null) {
            throw new IOException("row names unknown list " + id);
        }
        return i;
    }

    /** The source lists, oldest first; the last one is the current list. */
    public List<RegionList> lists() {
        return lists;
    }

    public RegionList currentList() {
        return lists.get(lists.size() - 1);
    }

    /** Number of distinct codes over all lists. */
    public int size() {
        return keys.length;
    }

    /** A code from the current list or any archived one; empty if unknown or malformed. */
    public Optional<Region> find(String code) {
        int i = indexOf(code);
        return i < 0 ? Optional.empty() : Optional.of(region(i));
    }

    /** A code only if the current list has it. */
    public Optional<Region> findCurrent(String code) {
        int i = indexOf(code);
        return i < 0 || !isCurrent(i) ? Optional.empty() : Optional.of(region(i));
    }

    /** Whether the code appears in the current list or any archived one. */
    public boolean exists(String code) {
        return indexOf(code) >= 0;
    }

    /** Provinces of the current list, by code. */
    public List<Region> provinces() {
        List<Region> out = new ArrayList<>();
        for (int i : provinceIndexes) {
            if (isCurrent(i)) {
                out.add(region(i));
            }
        }
        return out;
    }

    /** Regions one level below {@code code} in the current list, by code. */
    public List<Region> children(String code) {
        return children(code, false);
    }

    /**
     * Regions one level below {@code code}, by code; with {@code includeHistorical} also those
     * only archived lists have. Empty for a village or an unknown code.
     */
    public List<Region> children(String code, boolean includeHistorical) {
        int parent = indexOf(code);
        if (parent < 0) {
            return List.of();
        }
        int childDepth = RegionCodes.depthOf(keys[parent]) + 1;
        long end = RegionCodes.subtreeEnd(keys[parent]);
        List<Region> out = new ArrayList<>();
        for (int i = parent + 1; i < keys.length && keys[i] < end; i++) {
            if (RegionCodes.depthOf(keys[i]) == childDepth && (includeHistorical || isCurrent(i))) {
                out.add(region(i));
            }
        }
        return out;
    }

    /**
     * Current regions directly below {@code parentCode} (provinces when it is {@code null})
     * whose name starts with {@code prefix}, ignoring case and a leading "Kabupaten", "Kota",
     * "Kab." (optionally followed by "Administrasi"/"Adm."), so "dep" finds Kota Depok.
     */
    public List<Region> searchByNamePrefix(String parentCode, String prefix) {
        String p = normalize(Objects.requireNonNull(prefix, "prefix"));
        List<Region> candidates = parentCode == null ? provinces() : children(parentCode);
        List<Region> out = new ArrayList<>();
        for (Region r : candidates) {
            String name = normalize(r.name());
            if (name.startsWith(p) || DESIGNATOR.matcher(name).replaceFirst("").startsWith(p)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Population of the whole country as published with the current list. */
    public Optional<Population> nationalPopulation() {
        return Optional.ofNullable(population.get(WilayahFiles.NATIONAL_CODE));
    }

    /** How many codes of a level the current list has. */
    public int currentCount(RegionLevel level) {
        int count = 0;
        for (int i = 0; i < keys.length; i++) {
            if (RegionCodes.depthOf(keys[i]) == level.depth() && isCurrent(i)) {
                count++;
            }
        }
        return count;
    }

    /** How many codes only archived lists have (regions since split, merged or renumbered). */
    public int historicalOnlyCount() {
        int count = 0;
        for (int i = 0; i < keys.length; i++) {
            if (!isCurrent(i)) {
                count++;
            }
        }
        return count;
    }

    private boolean isCurrent(int i) {
        return (masks[i] & currentBit) != 0;
    }

    private int indexOf(String code) {
        if (!RegionCodes.isWellFormed(code)) {
            return -1;
        }
        int i = Arrays.binarySearch(keys, RegionCodes.pack(code));
        return i < 0 ? -1 : i;
    }

    private Region region(int i) {
        String code = RegionCodes.unpack(keys[i]);
        RegionType type = RegionType.ofCode(code);
        return new Region(code, names.get(i), type.level(), type, listIdsByMask.get(masks[i]), isCurrent(i),
                Optional.ofNullable(population.get(code)));
    }

    private static String normalize(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
