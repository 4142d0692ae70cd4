package id.rekam.core.cases;

import id.rekam.core.domain.Address;

import java.util.ArrayList;
import java.util.List;

/** A citizen's address as a letter writes it: street with RT/RW, then kelurahan, kecamatan, kabupaten/kota. */
final class Addressing {

    private Addressing() {
    }

    static String lines(Address a) {
        if (a == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        if (a.street() != null && !a.street().isBlank()) {
            String rtRw = a.rt().isBlank() && a.rw().isBlank() ? "" : " RT " + a.rt() + "/RW " + a.rw();
            out.add(a.street().strip() + rtRw);
        }
        StringBuilder area = new StringBuilder();
        if (a.villageName() != null) {
            area.append("Kel. ").append(a.villageName());
        }
        if (a.districtName() != null) {
            area.append(area.length() > 0 ? ", " : "").append("Kec. ").append(a.districtName());
        }
        if (area.length() > 0) {
            out.add(area.toString());
        }
        if (a.regencyName() != null) {
            out.add(a.regencyName());
        }
        return String.join("\n", out);
    }
}
