package id.rekam.core.region;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PackedNamesTest {

    /** More names and bytes than the builder's first arrays hold, some not ASCII, some empty. */
    @Test
    void everyNameComesBackAsWritten() {
        List<String> written = new ArrayList<>();
        PackedNames.Builder builder = new PackedNames.Builder();
        for (int i = 0; i < 300_000; i++) {
            String name = switch (i % 4) {
                case 0 -> "KELURAHAN " + i;
                case 1 -> "Désa Ñgòro " + i + " ꦗꦮ";
                case 2 -> "";
                default -> "X".repeat(i % 37);
            };
            written.add(name);
            builder.add(name);
        }
        PackedNames names = builder.build();
        assertThat(names.size()).isEqualTo(written.size());
        for (int i = 0; i < written.size(); i++) {
            assertThat(names.get(i)).as("name %d", i).isEqualTo(written.get(i));
        }
    }

    @Test
    void theBundledCatalogStillNamesItsRegions() {
        RegionCatalog catalog = RegionCatalog.bundled();
        assertThat(catalog.find("33").orElseThrow().name()).isEqualToIgnoringCase("Jawa Tengah");
        assertThat(catalog.find("33.10").orElseThrow().name()).containsIgnoringCase("Klaten");
    }
}
