package id.rekam.core.demo;

import id.rekam.core.domain.Address;
import id.rekam.core.domain.BloodType;
import id.rekam.core.domain.CaptureProvenance;
import id.rekam.core.domain.Citizenship;
import id.rekam.core.domain.Demographics;
import id.rekam.core.domain.DeviceRef;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerException;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.FingerprintCapture;
import id.rekam.core.domain.Gender;
import id.rekam.core.domain.MaritalStatus;
import id.rekam.core.domain.Nik;
import id.rekam.core.domain.PhotoCapture;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.domain.Religion;
import id.rekam.core.domain.SignatureCapture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Deterministic, clearly fictitious citizens for demo mode, tests and benchmarks. The
 * byte payloads have the sizes of a real enrollment (≈60 KB JPEG, ten ≈600 B templates,
 * ten ≈15 KB images) but are random bytes: real photos and prints come from the devices
 * module. Names come from short lists and carry no real person's data.
 */
public final class DemoRecords {

    private static final String[] GIVEN = {"Siti", "Budi", "Dewi", "Agus", "Rina", "Joko", "Sri", "Andi", "Wulan",
            "Eko", "Nur", "Bambang", "Ratna", "Hadi", "Fitri", "Yusuf", "Intan", "Dodi", "Ayu", "Rudi"};
    private static final String[] FAMILY = {"Rahayu", "Santoso", "Lestari", "Wibowo", "Susanti", "Hidayat",
            "Kurniawan", "Pratama", "Wahyuni", "Saputra", "Setiawan", "Handayani", "Nugroho", "Purnomo"};
    private static final String[] JOBS = {"PELAJAR/MAHASISWA", "WIRASWASTA", "PETANI/PEKEBUN",
            "KARYAWAN SWASTA", "MENGURUS RUMAH TANGGA", "PEDAGANG", "GURU", "BURUH HARIAN LEPAS"};

    private final Random random;
    private final String villageCode;
    private final String stationId;

    /**
     * @param seed        makes the sequence reproducible
     * @param villageCode Kemendagri village code {@code PP.KK.CC.NNNN} the residents live in
     */
    public DemoRecords(long seed, String villageCode, String stationId) {
        this.random = new Random(seed);
        this.villageCode = villageCode;
        this.stationId = stationId;
    }

    public static DeviceRef simulatedDevice(String kind) {
        return new DeviceRef("SIM-" + kind.toUpperCase(Locale.ROOT), kind, "rekam simulator", "SIM-0001",
                "DEMO", true);
    }

    public EnrollmentRecord next() {
        Gender gender = random.nextBoolean() ? Gender.LAKI_LAKI : Gender.PEREMPUAN;
        LocalDate birth = LocalDate.of(1950 + random.nextInt(58), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String name = (GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)])
                .toUpperCase(Locale.ROOT);
        Instant now = Instant.parse("2026-11-01T02:00:00Z").plusSeconds(random.nextInt(1_000_000));
        String operator = "operator1";
        CaptureProvenance camera = new CaptureProvenance(simulatedDevice("camera"), operator, now);
        CaptureProvenance scanner = new CaptureProvenance(simulatedDevice("fingerprint"), operator, now);
        CaptureProvenance pad = new CaptureProvenance(simulatedDevice("signature"), operator, now);

        Demographics d = new Demographics(nikFor(birth, gender), name, "DEPOK", birth, gender,
                BloodType.values()[random.nextInt(BloodType.values().length)],
                new Address("JL. MARGONDA RAYA NO. " + (1 + random.nextInt(500)),
                        String.format(Locale.ROOT, "%03d", 1 + random.nextInt(15)),
                        String.format(Locale.ROOT, "%03d", 1 + random.nextInt(9)),
                        villageCode, "DEMO", "DEMO", "DEMO", "DEMO"),
                Religion.values()[random.nextInt(Religion.values().length)],
                MaritalStatus.values()[random.nextInt(MaritalStatus.values().length)],
                JOBS[random.nextInt(JOBS.length)], Citizenship.WNI);

        List<FingerprintCapture> fingers = new ArrayList<>();
        for (FingerPosition p : FingerPosition.values()) {
            if (p == FingerPosition.LEFT_LITTLE && random.nextInt(20) == 0) {
                fingers.add(FingerprintCapture.exception(p, FingerException.BANDAGED, scanner));
            } else {
                fingers.add(FingerprintCapture.print(p, bytes(600), bytes(15_000), "R30X-4BIT-256x288",
                        40 + random.nextInt(60), scanner));
            }
        }
        return new EnrollmentRecord(new RegistrationId(new UUID(random.nextLong(), random.nextLong()).toString()),
                d, new PhotoCapture(jpeg(60_000), camera), fingers,
                new SignatureCapture(bytes(4_000), "[]", pad), stationId, operator, now);
    }

    private Nik nikFor(LocalDate birth, Gender gender) {
        String district = villageCode.substring(0, 8).replace(".", "");
        int day = birth.getDayOfMonth() + (gender == Gender.PEREMPUAN ? 40 : 0);
        return Nik.of(String.format(Locale.ROOT, "%s%02d%02d%02d%04d", district, day, birth.getMonthValue(),
                birth.getYear() % 100, 1 + random.nextInt(9999)));
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Random bytes framed by JPEG SOI/EOI markers, so "no JPEG on disk" checks have something to find. */
    private byte[] jpeg(int n) {
        byte[] b = bytes(n);
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0xE0;
        b[n - 2] = (byte) 0xFF;
        b[n - 1] = (byte) 0xD9;
        return b;
    }
}
