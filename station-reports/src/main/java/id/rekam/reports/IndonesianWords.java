package id.rekam.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Numbers and dates the way an Indonesian official record writes them ("terbilang"):
 * {@code 2026} → "dua ribu dua puluh enam", 13 Dec 2026 → "Minggu", "13 Desember 2026".
 */
public final class IndonesianWords {

    private static final String[] UNITS = {"", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
            "sembilan", "sepuluh", "sebelas"};
    private static final String[] MONTHS = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
            "September", "Oktober", "November", "Desember"};

    private IndonesianWords() {
    }

    /** 0 … 999,999,999 in words, lower case. */
    public static String number(long n) {
        if (n < 0 || n > 999_999_999L) {
            throw new IllegalArgumentException("out of range: " + n);
        }
        return n == 0 ? "nol" : words(n).strip().replaceAll("\\s+", " ");
    }

    private static String words(long n) {
        if (n < 12) {
            return UNITS[(int) n];
        }
        if (n < 20) {
            return words(n - 10) + " belas";
        }
        if (n < 100) {
            return words(n / 10) + " puluh " + words(n % 10);
        }
        if (n < 200) {
            return "seratus " + words(n - 100);
        }
        if (n < 1000) {
            return words(n / 100) + " ratus " + words(n % 100);
        }
        if (n < 2000) {
            return "seribu " + words(n - 1000);
        }
        if (n < 1_000_000) {
            return words(n / 1000) + " ribu " + words(n % 1000);
        }
        return words(n / 1_000_000) + " juta " + words(n % 1_000_000);
    }

    public static String dayName(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return switch (w) {
            case MONDAY -> "Senin";
            case TUESDAY -> "Selasa";
            case WEDNESDAY -> "Rabu";
            case THURSDAY -> "Kamis";
            case FRIDAY -> "Jumat";
            case SATURDAY -> "Sabtu";
            case SUNDAY -> "Minggu";
        };
    }

    public static String month(LocalDate d) {
        return MONTHS[d.getMonthValue() - 1];
    }

    /** "13 Desember 2026". */
    public static String date(LocalDate d) {
        return d.getDayOfMonth() + " " + month(d) + " " + d.getYear();
    }

    /** "hari Minggu tanggal tiga belas bulan Desember tahun dua ribu dua puluh enam". */
    public static String dateInWords(LocalDate d) {
        return "hari " + dayName(d) + " tanggal " + number(d.getDayOfMonth()) + " bulan " + month(d) + " tahun "
                + number(d.getYear());
    }
}
