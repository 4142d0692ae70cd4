package id.rekam.tools.region;

import id.rekam.core.region.Population;
import id.rekam.core.region.RegionCodes;
import id.rekam.core.region.RegionList;
import id.rekam.core.region.RegionType;
import id.rekam.core.region.WilayahFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Derives the compact region resources shipped in station-core from the cahyadsn/wilayah
 * SQL dumps, so the product build never needs the dumps themselves.
 *
 * <pre>WilayahImport &lt;source dir with wilayah.sql, archive/, wilayah_penduduk.sql, LICENSE&gt; &lt;output dir&gt;</pre>
 *
 * The output is a pure function of the input: rows sorted by code, no timestamps.
 */
public final class WilayahImport {

    public static final String CURRENT_FILE = "wilayah.sql";
    public static final String PENDUDUK_FILE = "wilayah_penduduk.sql";
    public static final String LICENSE_FILE = "LICENSE";
    private static final Pattern ARCHIVE = Pattern.compile("wilayah_(\\d{4})\\.sql");
    private static final Pattern DECREE = Pattern.compile(
            "Kepmendagri\\s+No\\.?\\s*([0-9][0-9A-Za-z.\\-]*)\\s+Tahun\\s+(\\d{4})");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern COMMIT = Pattern.compile("commit\\s+([0-9a-f]{40})");

    /** A source list and the file it lives in. */
    public record Source(RegionList list, Path file) {
    }

    private final Path sourceDir;
    private final Map<Path, Map<String, String>> parsed = new HashMap<>();

    public WilayahImport(Path sourceDir) {
        this.sourceDir = sourceDir;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: WilayahImport <cahyadsn wilayah data dir> <output resource dir>");
            System.exit(2);
        }
        WilayahImport importer = new WilayahImport(Path.of(args[0]));
        importer.writeTo(Path.of(args[1]));
        System.out.println("wrote " + WilayahFiles.WILAYAH + ", " + WilayahFiles.PENDUDUK + ", "
                + WilayahFiles.LICENSE + " to " + args[1]);
    }

    public void writeTo(Path outputDir) throws IOException {
        Files.createDirectories(outputDir);
        writeGzip(outputDir.resolve(WilayahFiles.WILAYAH), wilayahTsv());
        writeGzip(outputDir.resolve(WilayahFiles.PENDUDUK), pendudukTsv());
        Files.writeString(outputDir.resolve(WilayahFiles.LICENSE), licenseText(), StandardCharsets.UTF_8);
    }

    /** Archived lists oldest first, then the current list. */
    public List<Source> sources() throws IOException {
        List<Source> sources = new ArrayList<>();
        Path archive = sourceDir.resolve("archive");
        if (Files.isDirectory(archive)) {
            try (Stream<Path> files = Files.list(archive)) {
                for (Path f : files.sorted().toList()) {
                    Matcher m = ARCHIVE.matcher(f.getFileName().toString());
                    if (m.matches()) {
                        sources.add(new Source(new RegionList(m.group(1), "archive/" + f.getFileName(),
                                decree(f).map(d -> d[0]).orElse("")), f));
                    }
                }
            }
        }
        Path current = sourceDir.resolve(CURRENT_FILE);
        String[] decree = decree(current).orElseThrow(
                () -> new IllegalStateException(CURRENT_FILE + " names no Kepmendagri decree in its header"));
        String currentId = decree[1];
        if (sources.stream().anyMatch(s -> s.list().id().equals(currentId))) {
            throw new IllegalStateException("an archived list already has id " + currentId);
        }
        sources.add(new Source(new RegionList(currentId, CURRENT_FILE, decree[0]), current));
        return sources;
    }

    /** Code → name of one list, in file order; names trimmed and inner whitespace collapsed. */
    public static Map<String, String> readList(Path file) throws IOException {
        Map<String, String> codes = new LinkedHashMap<>();
        for (SqlInsertRows.Row row : SqlInsertRows.parse(Files.readString(file, StandardCharsets.UTF_8))) {
            String code = row.get("kode");
            String name = cleanName(row.get("nama"));
            if (!RegionCodes.isWellFormed(code)) {
                throw new IllegalStateException(file + ": malformed code " + code);
            }
            RegionType.ofCode(code); // rejects kab/kota 00 or 70, village numbers not starting 1–3
            if (name.isEmpty()) {
                throw new IllegalStateException(file + ": empty name for " + code);
            }
            String previous = codes.put(code, name);
            if (previous != null && !previous.equals(name)) {
                throw new IllegalStateException(file + ": code " + code + " twice: " + previous + " / " + name);
            }
        }
        for (String code : codes.keySet()) {
            String parent = RegionCodes.parent(code);
            if (parent != null && !codes.containsKey(parent)) {
                throw new IllegalStateException(file + ": " + code + " has no parent " + parent);
            }
        }
        return codes;
    }

    /** {@link #readList} of a file, parsed once per importer. */
    public Map<String, String> parsed(Path file) throws IOException {
        Map<String, String> list = parsed.get(file);
        if (list == null) {
            list = readList(file);
            parsed.put(file, list);
        }
        return list;
    }

    /** The full text of {@code wilayah.tsv} (before compression). */
    public String wilayahTsv() throws IOException {
        List<Source> sources = sources();
        List<Map<String, String>> lists = new ArrayList<>();
        for (Source s : sources) {
            lists.add(parsed(s.file()));
        }
        Set<String> all = new TreeSet<>();
        lists.forEach(l -> all.addAll(l.keySet()));

        StringBuilder out = new StringBuilder(4 << 20);
        out.append(WilayahFiles.WILAYAH_MAGIC).append('\n');
        out.append("#source\t").append(sourceLine()).append('\n');
        for (Source s : sources) {
            RegionList l = s.list();
            out.append(WilayahFiles.LIST_PREFIX).append(l.id()).append('\t').append(l.source()).append('\t')
                    .append(l.decree()).append('\n');
        }
        out.append("#columns\tkode\tnama\tfirst\tlast\tmissing\n");
        for (String code : all) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < lists.size(); i++) {
                if (lists.get(i).containsKey(code)) {
                    if (first < 0) {
                        first = i;
                    }
                    last = i;
                }
            }
            List<String> missing = new ArrayList<>();
            for (int i = first + 1; i < last; i++) {
                if (!lists.get(i).containsKey(code)) {
                    missing.add(sources.get(i).list().id());
                }
            }
            out.append(code).append('\t').append(lists.get(last).get(code)).append('\t')
                    .append(sources.get(first).list().id()).append('\t')
                    .append(sources.get(last).list().id()).append('\t')
                    .append(String.join(",", missing)).append('\n');
        }
        return out.toString();
    }

    /** The full text of {@code penduduk.tsv}: every row checked against the current list. */
    public String pendudukTsv() throws IOException {
        Set<String> current = parsed(sourceDir.resolve(CURRENT_FILE)).keySet();
        Map<String, Population> rows = new TreeMap<>();
        Path file = sourceDir.resolve(PENDUDUK_FILE);
        for (SqlInsertRows.Row row : SqlInsertRows.parse(Files.readString(file, StandardCharsets.UTF_8))) {
            String code = row.get("kode");
            if (!code.equals(WilayahFiles.NATIONAL_CODE) && !current.contains(code)) {
                throw new IllegalStateException(file + ": " + code + " is not in the current list");
            }
            Population p = new Population(Long.parseLong(row.get("pria")), Long.parseLong(row.get("wanita")),
                    Long.parseLong(row.get("total")));
            if (rows.put(code, p) != null) {
                throw new IllegalStateException(file + ": code " + code + " twice");
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(WilayahFiles.PENDUDUK_MAGIC).append('\n');
        out.append("#source\t").append(sourceLine()).append(' ').append(PENDUDUK_FILE).append('\n');
        out.append("#columns\tkode\tpria\twanita\ttotal\n");
        // TreeMap puts "0" (the country) before every province code.
        rows.forEach((code, p) -> out.append(code).append('\t').append(p.male()).append('\t')
                .append(p.female()).append('\t').append(p.total()).append('\n'));
        return out.toString();
    }

    public String licenseText() throws IOException {
        return Files.readString(sourceDir.resolve(LICENSE_FILE), StandardCharsets.UTF_8);
    }

    private String sourceLine() throws IOException {
        Path sourceMd = sourceDir.resolve("SOURCE.md");
        String commit = "";
        if (Files.exists(sourceMd)) {
            Matcher m = COMMIT.matcher(Files.readString(sourceMd, StandardCharsets.UTF_8));
            if (m.find()) {
                commit = "@" + m.group(1);
            }
        }
        return "cahyadsn/wilayah" + commit + " db/ (MIT, (c) 2017 Cahya DSN)";
    }

    static String cleanName(String name) {
        if (name == null) {
            return "";
        }
        String s = name.strip();
        boolean plain = true;
        for (int i = 1; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = !(Character.isWhitespace(c) && (c != ' ' || Character.isWhitespace(s.charAt(i - 1))));
        }
        return plain ? s : WHITESPACE.matcher(s).replaceAll(" ");
    }

    private static Optional<String[]> decree(Path file) throws IOException {
        String head;
        try (var in = Files.newInputStream(file)) {
            head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        }
        Matcher m = DECREE.matcher(head);
        return m.find() ? Optional.of(new String[] {"Kepmendagri " + m.group(1) + "/" + m.group(2), m.group(2)})
                : Optional.empty();
    }

    private static void writeGzip(Path file, String text) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
