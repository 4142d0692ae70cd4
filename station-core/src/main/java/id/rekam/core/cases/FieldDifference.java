package id.rekam.core.cases;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The biodata fields in which two records of a case differ, for the case file to highlight. A
 * field counts only when both records know it; names and places compare without case, accents or
 * extra spaces ("Siti  Aminah" = "SITI AMINAH"), a masked NIK only on the digits it shows.
 */
public enum FieldDifference {
    NIK, FULL_NAME, BIRTH_PLACE, BIRTH_DATE, GENDER, ADDRESS, VILLAGE;

    public static Set<FieldDifference> between(CaseRecord a, CaseRecord b) {
        Set<FieldDifference> out = EnumSet.noneOf(FieldDifference.class);
        if (a.nik() != null && b.nik() != null && !nikAgrees(a.nik(), b.nik())) {
            out.add(NIK);
        }
        differs(out, FULL_NAME, a.fullName(), b.fullName());
        differs(out, BIRTH_PLACE, a.birthPlace(), b.birthPlace());
        if (a.birthDate() != null && b.birthDate() != null && !a.birthDate().equals(b.birthDate())) {
            out.add(BIRTH_DATE);
        }
        if (a.gender() != null && b.gender() != null && a.gender() != b.gender()) {
            out.add(GENDER);
        }
        if (a.address() != null && b.address() != null) {
            differs(out, ADDRESS, street(a), street(b));
            if (!Objects.equals(a.address().villageCode(), b.address().villageCode())) {
                out.add(VILLAGE);
            }
        }
        return out;
    }

    private static void differs(Set<FieldDifference> out, FieldDifference field, String x, String y) {
        if (x != null && y != null && !norm(x).equals(norm(y))) {
            out.add(field);
        }
    }

    /** Null when only the kelurahan is known (a purged record, a server's verdict). */
    private static String street(CaseRecord r) {
        if (r.address().street() == null || r.address().street().isBlank()) {
            return null;
        }
        return r.address().street() + " RT " + r.address().rt() + " RW " + r.address().rw();
    }

    static String norm(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** Digit by digit, skipping the positions a mask hides. */
    private static boolean nikAgrees(String x, String y) {
        if (x.length() != y.length()) {
            return false;
        }
        for (int i = 0; i < x.length(); i++) {
            char c = x.charAt(i);
            char d = y.charAt(i);
            if (Character.isDigit(c) && Character.isDigit(d) && c != d) {
                return false;
            }
        }
        return true;
    }
}
