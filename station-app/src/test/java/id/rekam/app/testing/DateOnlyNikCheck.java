package id.rekam.app.testing;

import id.rekam.app.service.NikCheck;
import id.rekam.core.domain.Gender;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** TEST DOUBLE of the NIK validator: only the embedded birth date and gender rule (day + 40 for women). */
public final class DateOnlyNikCheck implements NikCheck {

    @Override
    public List<Issue> check(String nik, LocalDate birth, Gender gender) {
        List<Issue> out = new ArrayList<>();
        int day = Integer.parseInt(nik.substring(6, 8));
        boolean female = day > 40;
        if (gender != null && female != (gender == Gender.PEREMPUAN)) {
            out.add(new Issue(Severity.WARNING, "nik.gender.mismatch", female ? "PEREMPUAN" : "LAKI-LAKI"));
        }
        if (birth != null) {
            int d = female ? day - 40 : day;
            String embedded = nik.substring(6, 12);
            if (d != birth.getDayOfMonth() || Integer.parseInt(nik.substring(8, 10)) != birth.getMonthValue()
                    || Integer.parseInt(nik.substring(10, 12)) != birth.getYear() % 100) {
                out.add(new Issue(Severity.WARNING, "nik.date.mismatch", embedded));
            }
        }
        return out;
    }
}
