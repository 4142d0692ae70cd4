package id.rekam.core.nik;

import id.rekam.core.domain.Gender;
import id.rekam.core.domain.Nik;
import id.rekam.core.region.Region;
import id.rekam.core.region.RegionCatalog;
import id.rekam.core.region.RegionCodes;
import id.rekam.core.region.RegionLevel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Builds well-formed NIKs for tests. Numbers made here are fictitious: the
 * structure is right (a real kecamatan, the birth date, the sex, a serial) but no register
 * issued them.
 */
public final class NikFactory {

    /** A generated NIK together with the demographics it encodes. */
    public record Sample(Nik nik, Region district, LocalDate birthDate, Gender gender, int serial) {

        /** Leaves the NIK and date out: demo data should look like real data in logs, too. */
        @Override
        public String toString() {
            return "Sample[" + nik.masked() + ", " + district.code() + "]";
        }
    }

    private final RandomGenerator random;
    private final List<Region> districts;
    private final LocalDate earliestBirth;
    private final LocalDate latestBirth;

    /**
     * A generator over the current kecamatan of the catalog.
     *
     * @param random        source of randomness; seed it for reproducible data
     * @param earliestBirth earliest birth date to generate
     * @param latestBirth   latest birth date to generate
     */
    public NikFactory(RegionCatalog catalog, RandomGenerator random, LocalDate earliestBirth, LocalDate latestBirth) {
        this.random = Objects.requireNonNull(random, "random");
        if (latestBirth.isBefore(earliestBirth)) {
            throw new IllegalArgumentException("latestBirth before earliestBirth");
        }
        this.earliestBirth = earliestBirth;
        this.latestBirth = latestBirth;
        List<Region> all = new ArrayList<>();
        for (Region province : catalog.provinces()) {
            for (Region regency : catalog.children(province.code())) {
                all.addAll(catalog.children(regency.code()));
            }
        }
        this.districts = List.copyOf(all);
    }

    /**
     * The NIK of a person first registered in {@code districtCode}.
     *
     * @param districtCode kecamatan code {@code PP.KK.CC}
     * @param serial       1–9999
     */
    public static Nik create(String districtCode, LocalDate birthDate, Gender gender, int serial) {
        if (!RegionCodes.isWellFormed(districtCode) || RegionCodes.level(districtCode) != RegionLevel.KECAMATAN) {
            throw new IllegalArgumentException("kecamatan code PP.KK.CC expected: " + districtCode);
        }
        if (serial < 1 || serial > 9999) {
            throw new IllegalArgumentException("serial must be 1–9999: " + serial);
        }
        return Nik.of(districtCode.replace(".", "") + NikBirth.encode(birthDate, gender)
                + String.format(Locale.ROOT, "%04d", serial));
    }

    /** A random person in a random current kecamatan. */
    public Sample next() {
        return nextIn(districts.get(random.nextInt(districts.size())));
    }

    /** A random person first registered in the given kecamatan. */
    public Sample nextIn(Region district) {
        long days = latestBirth.toEpochDay() - earliestBirth.toEpochDay();
        LocalDate birth = LocalDate.ofEpochDay(earliestBirth.toEpochDay() + random.nextLong(days + 1));
        Gender gender = random.nextBoolean() ? Gender.LAKI_LAKI : Gender.PEREMPUAN;
        int serial = 1 + random.nextInt(9999);
        return new Sample(create(district.code(), birth, gender, serial), district, birth, gender, serial);
    }

    /** Every current kecamatan the generator draws from. */
    public List<Region> districts() {
        return districts;
    }
}
