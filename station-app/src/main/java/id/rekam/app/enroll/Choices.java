package id.rekam.app.enroll;

import id.rekam.app.fx.TypeAhead;
import id.rekam.core.domain.BloodType;
import id.rekam.core.domain.Citizenship;
import id.rekam.core.domain.Gender;
import id.rekam.core.domain.MaritalStatus;
import id.rekam.core.domain.Religion;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;

/** The enumerations of the form as combo boxes holding enum names and showing the bundle's labels. */
final class Choices {

    /** The most frequent entries of Dukcapil's occupation list; others can be typed. */
    static final List<String> OCCUPATIONS = List.of("BELUM/TIDAK BEKERJA", "MENGURUS RUMAH TANGGA",
            "PELAJAR/MAHASISWA", "PENSIUNAN", "PEGAWAI NEGERI SIPIL", "TENTARA NASIONAL INDONESIA",
            "KEPOLISIAN RI", "PERDAGANGAN", "PETANI/PEKEBUN", "PETERNAK", "NELAYAN/PERIKANAN", "INDUSTRI",
            "KONSTRUKSI", "TRANSPORTASI", "KARYAWAN SWASTA", "KARYAWAN BUMN", "KARYAWAN HONORER",
            "BURUH HARIAN LEPAS", "BURUH TANI/PERKEBUNAN", "PEMBANTU RUMAH TANGGA", "TUKANG BANGUNAN",
            "GURU", "DOSEN", "DOKTER", "BIDAN", "PERAWAT", "PEDAGANG", "SOPIR", "WIRASWASTA");

    private Choices() {
    }

    static void gender(ComboBox<String> box, ResourceBundle b) {
        enumBox(box, b, "Gender", names(Gender.values()));
    }

    static void bloodType(ComboBox<String> box, ResourceBundle b) {
        box.getItems().setAll(names(BloodType.values()));
        StringConverter<String> c = converter(n -> BloodType.valueOf(n).printed()
                + (n.equals("UNKNOWN") ? "  (" + b.getString("enum.BloodType.UNKNOWN") + ")" : ""));
        box.setConverter(c);
        TypeAhead.install(box, c::toString);
    }

    static void religion(ComboBox<String> box, ResourceBundle b) {
        enumBox(box, b, "Religion", names(Religion.values()));
    }

    static void maritalStatus(ComboBox<String> box, ResourceBundle b) {
        enumBox(box, b, "MaritalStatus", names(MaritalStatus.values()));
    }

    static void citizenship(ComboBox<String> box, ResourceBundle b) {
        enumBox(box, b, "Citizenship", names(Citizenship.values()));
    }

    static void occupation(ComboBox<String> box) {
        box.getItems().setAll(OCCUPATIONS);
    }

    private static void enumBox(ComboBox<String> box, ResourceBundle b, String type, List<String> names) {
        box.getItems().setAll(names);
        StringConverter<String> c = converter(n -> b.getString("enum." + type + "." + n));
        box.setConverter(c);
        TypeAhead.install(box, c::toString);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static StringConverter<String> converter(java.util.function.Function<String, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null || name.isEmpty() ? "" : label.apply(name);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }
}
