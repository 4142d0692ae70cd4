package id.rekam.tools.region;

import id.rekam.core.region.Region;
import id.rekam.core.region.RegionCatalog;
import id.rekam.core.region.RegionCodes;
import id.rekam.core.region.RegionLevel;
import id.rekam.core.region.WilayahFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class WilayahImportTest {

    @Test
    void importsASmallSetOfListsEndToEnd(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("archive"));
        Files.writeString(dir.resolve("archive/wilayah_2016.sql"), """
                INSERT INTO wilayah(kode,nama) VALUES
                ("91","PAPUA"),("91.01","KAB. MERAUKE"),("91.01.01","Merauke"),
                ("91.01.01.1001","Kelapa  Lima "),("91.01.01.2002","Gone For Good");
                """);
        Files.writeString(dir.resolve("archive/wilayah_2020.sql"), """
                INSERT INTO `wilayah_2020` (`kode`, `nama`) VALUES
                ('91', 'PAPUA'), ('91.01', 'KAB. MERAUKE'), ('91.01.01', 'Merauke'),
                ('91.01.01.2002', 'Gone For Good');
                """);
        Files.writeString(dir.resolve("wilayah.sql"), """
                /* note : Data Kode Wilayah sesuai Kepmendagri No 300.2.2-2138 Tahun 2025 */
                INSERT INTO wilayah (kode, nama) VALUES
                ('91','Papua'),('93','Papua Selatan'),('93.01','Kabupaten Merauke'),('93.01.01','Merauke'),
                ('93.01.01.1001','Kelapa Lima'),('91.01','Kabupaten Merauke Lama'),('91.01.01','Merauke'),
                ('91.01.01.1001','Kelapa Lima');
                """);
        Files.writeString(dir.resolve("wilayah_penduduk.sql"), """
                INSERT INTO wilayah_penduduk(kode, nama, pria, wanita, total) VALUES
                ('0','INDONESIA','3','2','5'),('93','Papua Selatan','3','2','5');
                """);
        Files.writeString(dir.resolve("LICENSE"), "MIT License\n");
        Path out = dir.resolve("out");
        new WilayahImport(dir).writeTo(out);

        RegionCatalog catalog;
        try (InputStream w = Files.newInputStream(out.resolve(WilayahFiles.WILAYAH));
             InputStream p = Files.newInputStream(out.resolve(WilayahFiles.PENDUDUK))) {
            catalog = RegionCatalog.read(w, p);
        }
        assertThat(catalog.lists()).extracting(l -> l.id()).containsExactly("2016", "2020", "2025");
        assertThat(catalog.currentList().decree()).isEqualTo("Kepmendagri 300.2.2-2138/2025");
        Region village = catalog.find("91.01.01.1001").orElseThrow();
        assertThat(village.name()).isEqualTo("Kelapa Lima");
        assertThat(village.lists()).containsExactly("2016", "2025");
        Region gone = catalog.find("91.01.01.2002").orElseThrow();
        assertThat(gone.current()).isFalse();
        assertThat(gone.lists()).containsExactly("2016", "2020");
        assertThat(catalog.find("93").orElseThrow().population()).hasValueSatisfying(
                pop -> assertThat(pop.total()).isEqualTo(5));
        assertThat(catalog.find("91.01").orElseThrow().name()).isEqualTo("Kabupaten Merauke Lama");
        assertThat(Files.readString(out.resolve(WilayahFiles.LICENSE))).isEqualTo("MIT License\n");
    }

    @Test
    void rejectsAListWithAnOrphanCode(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("w.sql");
        Files.writeString(file, "INSERT INTO w (kode, nama) VALUES ('91','Papua'),('92.01','Kab. Sorong');");
        assertThatThrownBy(() -> WilayahImport.readList(file)).hasMessageContaining("no parent 92");
    }

    /** Shared by the tests below so the 3 MB dumps are parsed once. */
    private static WilayahImport sharedImporter;

    private static WilayahImport sharedImporter(Path dir) {
        if (sharedImporter == null) {
            sharedImporter = new WilayahImport(dir);
        }
        return sharedImporter;
    }

    @Test
    void committedResourcesMatchARegenerationFromTheSharedData() throws IOException {
        Optional<Path> shared = sharedWilayah();
        assumeTrue(shared.isPresent(), "cahyadsn/wilayah data not found next to the clone; nothing to compare");
        WilayahImport importer = sharedImporter(shared.get());
        // Compared as text: gzip bytes may differ between zlib builds, the content may not.
        assertThat(gunzipResource(WilayahFiles.WILAYAH)).isEqualTo(importer.wilayahTsv());
        assertThat(gunzipResource(WilayahFiles.PENDUDUK)).isEqualTo(importer.pendudukTsv());
        assertThat(resourceText(WilayahFiles.LICENSE)).isEqualTo(importer.licenseText());
    }

    @Test
    void sharedListsHaveTheExpectedRowCounts() throws IOException {
        Optional<Path> shared = sharedWilayah();
        assumeTrue(shared.isPresent(), "cahyadsn/wilayah data not found next to the clone");
        WilayahImport importer = sharedImporter(shared.get());
        Map<String, String> current = importer.parsed(shared.get().resolve("wilayah.sql"));
        Map<RegionLevel, Long> perLevel = current.keySet().stream()
                .collect(Collectors.groupingBy(RegionCodes::level, Collectors.counting()));
        assertThat(perLevel).containsEntry(RegionLevel.PROVINSI, 38L)
                .containsEntry(RegionLevel.KABUPATEN_KOTA, 514L)
                .containsEntry(RegionLevel.KECAMATAN, 7_285L)
                .containsEntry(RegionLevel.KELURAHAN_DESA, 83_762L);
        // Row counts of the archives, counted independently of this parser (one row per line).
        Map<String, Integer> expected = Map.of("2016", 90_892, "2018", 91_185, "2020", 91_227,
                "2022", 91_281, "2023", 91_591);
        for (var e : expected.entrySet()) {
            Path file = shared.get().resolve("archive/wilayah_" + e.getKey() + ".sql");
            assertThat(importer.parsed(file)).as(file.toString()).hasSize(e.getValue());
        }
    }

    /**
     * The shared data folder: {@code -Drekam.wilayah.dir}, else {@code REKAM_WILAYAH_DIR}, else
     * the nearest ancestor of the working directory with {@code shared/data/wilayah} (CI keeps
     * {@code ../shared} next to the clone).
     */
    static Optional<Path> sharedWilayah() {
        String configured = System.getProperty("rekam.wilayah.dir", System.getenv("REKAM_WILAYAH_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(WilayahImportTest::looksLikeWilayah);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data/wilayah");
            if (looksLikeWilayah(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean looksLikeWilayah(Path dir) {
        return Files.isRegularFile(dir.resolve(WilayahImport.CURRENT_FILE))
                && Files.isRegularFile(dir.resolve(WilayahImport.PENDUDUK_FILE));
    }

    private static String gunzipResource(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(resource(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String resourceText(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = WilayahImportTest.class.getResourceAsStream(WilayahFiles.RESOURCE_DIR + name);
        assertThat(in).as("resource " + name).isNotNull();
        return in;
    }
}
