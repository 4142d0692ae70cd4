package id.rekam.core.store;

import id.rekam.core.domain.Gender;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Fictitious summaries shaped like a kabupaten's records, for the search index's tests and
 * measurements: random UUID ids, NIKs of a few kecamatan (region, birth date with +40 for women,
 * serial), names of one to four words from common Indonesian names (some typed in capitals as on
 * the KTP, some in mixed case, with "M." abbreviations, apostrophes and hyphens, a few letters
 * beyond ASCII), and a few dozen kelurahan codes.
 */
final class IndonesianSummaries {

    private static final String[] GIVEN = {"Siti", "Nur", "Muhammad", "Ahmad", "Dewi", "Sri", "Budi", "Agus", "Eko",
            "Dwi", "Tri", "Putri", "Ayu", "Rizky", "Fitri", "Wahyu", "Indah", "Rina", "Yuni", "Andi", "Dian", "Ade",
            "Hendra", "Joko", "Bambang", "Slamet", "Suparmi", "Sutrisno", "Sumarni", "Ratna", "Nurul", "Aisyah",
            "Fatimah", "Abdul", "Rahmat", "Ilham", "Fajar", "Bayu", "Dimas", "Aditya", "Reza", "Yusuf", "Ikhsan",
            "Nabila", "Zahra", "Aulia", "Kartika", "Mega", "Lina", "Teguh", "Rudi", "Hadi", "Intan", "Wulan"};
    private static final String[] FAMILY = {"Rahayu", "Santoso", "Lestari", "Wibowo", "Susanti", "Hidayat",
            "Kurniawan", "Pratama", "Wahyuni", "Saputra", "Setiawan", "Handayani", "Nugroho", "Purnomo", "Siregar",
            "Nasution", "Lubis", "Harahap", "Simanjuntak", "Sinaga", "Tambunan", "Ginting", "Sembiring", "Wijaya",
            "Gunawan", "Permana", "Ramadhan", "Syahputra", "Maulana", "Firmansyah", "Kusuma", "Utami", "Anggraini",
            "Puspita", "Sari", "Wulandari", "Safitri", "Rahmawati", "Hasibuan", "Halimah", "Aminah", "Susilo"};
    private static final String[] ODD = {"Ma'ruf", "Nur'aini", "Mu'min", "Sa'diyah", "Nur-Halimah", "Ibnu-Sina",
            "Muñoz", "Hélène", "José", "Þór", "Đặng", "Şükrü", "ÿvonne"};

    private final Random random;

    IndonesianSummaries(long seed) {
        this.random = new Random(seed);
    }

    String id() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    SummaryDoc next() {
        boolean woman = random.nextBoolean();
        LocalDate born = LocalDate.of(1940 + random.nextInt(68), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String nik = String.format(Locale.ROOT, "3276%02d%02d%02d%02d%04d", 1 + random.nextInt(6),
                born.getDayOfMonth() + (woman ? 40 : 0), born.getMonthValue(), born.getYear() % 100,
                1 + random.nextInt(9999));
        String village = String.format(Locale.ROOT, "32.76.%02d.%04d", 1 + random.nextInt(6), 1001 + random.nextInt(7));
        return new SummaryDoc(nik, name(), born, woman ? Gender.PEREMPUAN : Gender.LAKI_LAKI, village);
    }

    String name() {
        int words = 1 + (random.nextInt(10) < 2 ? 0 : random.nextInt(10) < 7 ? 1 : random.nextInt(10) < 8 ? 2 : 3);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                b.append(' ');
            }
            int roll = random.nextInt(1000);
            if (roll < 5) {
                b.append(ODD[random.nextInt(ODD.length)]);
            } else if (i == 0 && roll < 40) {
                b.append("M.");
            } else {
                b.append(i == 0 || random.nextInt(3) == 0 ? GIVEN[random.nextInt(GIVEN.length)]
                        : FAMILY[random.nextInt(FAMILY.length)]);
            }
        }
        // The KTP prints capitals; operators type either.
        return random.nextBoolean() ? b.toString().toUpperCase(Locale.ROOT) : b.toString();
    }

    Random random() {
        return random;
    }
}
