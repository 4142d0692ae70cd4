package id.rekam.app.enroll;

import id.rekam.app.fx.TypeAhead;
import id.rekam.app.ports.Region;
import id.rekam.app.ports.RegionService;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Cascading provinsi → kab/kota → kecamatan → kel/desa pickers. By default they are fixed to
 * the station's kecamatan (most residents live there) and only the kel/desa is chosen; the
 * "outside this kecamatan" box unlocks the upper levels.
 */
final class RegionPickers {

    private final RegionService regions;
    private final String stationDistrict;
    private final List<ComboBox<Region>> levels;
    private final CheckBox outside;
    private final BiConsumer<Field, String> onChange;
    private boolean loading;

    RegionPickers(RegionService regions, String stationDistrict, ComboBox<Region> province, ComboBox<Region> regency,
                  ComboBox<Region> district, ComboBox<Region> village, CheckBox outside,
                  BiConsumer<Field, String> onChange) {
        this.regions = regions;
        this.stationDistrict = stationDistrict;
        this.levels = List.of(province, regency, district, village);
        this.outside = outside;
        this.onChange = onChange;
        for (int i = 0; i < levels.size(); i++) {
            ComboBox<Region> box = levels.get(i);
            TypeAhead.install(box, Region::name);
            int level = i;
            box.valueProperty().addListener((o, a, b) -> {
                if (loading) {
                    return;
                }
                if (level + 1 < levels.size()) {
                    fill(level + 1, b == null ? List.of() : regions.children(b.code()), null);
                }
                publish();
            });
        }
        outside.selectedProperty().addListener((o, a, b) -> {
            lockToStation(!b);
            if (!b) {
                select(stationDistrict + ".", false);
            }
        });
    }

    /** Shows the given village (or the station's kecamatan when none). */
    void select(String villageCode, boolean allowOutside) {
        String code = villageCode == null || villageCode.isBlank() ? stationDistrict + "." : villageCode;
        boolean inStation = code.startsWith(stationDistrict + ".");
        if (!inStation && allowOutside && !outside.isSelected()) {
            outside.setSelected(true);
        }
        String[] parts = code.split("\\.");
        loading = true;
        try {
            fill(0, regions.provinces(), parts[0]);
            for (int level = 1; level < levels.size(); level++) {
                Region parent = levels.get(level - 1).getValue();
                String wanted = parts.length > level ? String.join(".", Arrays.copyOf(parts, level + 1)) : null;
                if (parent != null) {
                    fill(level, regions.children(parent.code()), wanted);
                }
            }
        } finally {
            loading = false;
        }
        lockToStation(!outside.isSelected());
        publish();
    }

    private void fill(int level, List<Region> items, String selectCode) {
        boolean was = loading;
        loading = true;
        try {
            ComboBox<Region> box = levels.get(level);
            box.getItems().setAll(items);
            box.setValue(items.stream().filter(r -> Objects.equals(r.code(), selectCode)).findFirst().orElse(null));
            for (int deeper = level + 1; deeper < levels.size(); deeper++) {
                levels.get(deeper).getItems().clear();
                levels.get(deeper).setValue(null);
            }
        } finally {
            loading = was;
        }
    }

    /** Reports every level's current value (after a programmatic selection). */
    void publish() {
        Field[] fields = {Field.PROVINCE, Field.REGENCY, Field.DISTRICT, Field.VILLAGE};
        for (int i = 0; i < levels.size(); i++) {
            Region r = levels.get(i).getValue();
            onChange.accept(fields[i], r == null ? "" : r.code());
        }
    }

    private void lockToStation(boolean locked) {
        for (int i = 0; i < 3; i++) {
            levels.get(i).setDisable(locked);
        }
    }
}
