package id.rekam.app.enroll;

import id.rekam.app.ports.NikCheck;
import id.rekam.core.domain.Gender;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the biodata form field by field. Errors block saving; NIK warnings (e.g. the
 * embedded birth date differs from the real one, which Dukcapil does not correct) only need
 * the operator's confirmation.
 */
public final class BiodataValidator {

    /** KTP-el is issued from 17 years of age (or earlier when married). */
    static final int MIN_AGE = 17;
    private static final Set<Field> REQUIRED = Set.of(Field.NIK, Field.FULL_NAME, Field.BIRTH_PLACE, Field.BIRTH_DATE,
            Field.GENDER, Field.BLOOD_TYPE, Field.STREET, Field.RT, Field.RW, Field.PROVINCE, Field.REGENCY,
            Field.DISTRICT, Field.VILLAGE, Field.RELIGION, Field.MARITAL_STATUS, Field.OCCUPATION, Field.CITIZENSHIP);

    private final NikCheck nikCheck;
    private final Clock clock;

    public BiodataValidator(NikCheck nikCheck, Clock clock) {
        this.nikCheck = nikCheck;
        this.clock = clock;
    }

    public Map<Field, Message> validate(Map<Field, String> form) {
        Map<Field, Message> out = new EnumMap<>(Field.class);
        for (Field f : REQUIRED) {
            if (value(form, f).isEmpty()) {
                out.put(f, Message.error("error.required"));
            }
        }
        String nik = value(form, Field.NIK);
        if (!nik.isEmpty() && !nik.matches("\\d{16}")) {
            out.put(Field.NIK, Message.error("error.nik.shape", nik.length()));
        }
        String name = value(form, Field.FULL_NAME);
        if (!name.isEmpty() && !name.matches("[\\p{L} .,'\\-]+")) {
            out.put(Field.FULL_NAME, Message.error("error.name.chars"));
        }
        Optional<LocalDate> birth = Optional.empty();
        String birthText = value(form, Field.BIRTH_DATE);
        if (!birthText.isEmpty()) {
            birth = BirthDates.parse(birthText);
            if (birth.isEmpty()) {
                out.put(Field.BIRTH_DATE, Message.error("error.date.format"));
            } else if (birth.get().isAfter(LocalDate.now(clock))) {
                out.put(Field.BIRTH_DATE, Message.error("error.date.future"));
            } else if (birth.get().plusYears(MIN_AGE).isAfter(LocalDate.now(clock))
                    && !"KAWIN".equals(value(form, Field.MARITAL_STATUS))
                    && !value(form, Field.MARITAL_STATUS).startsWith("CERAI")) {
                out.put(Field.BIRTH_DATE, Message.error("error.date.tooYoung", MIN_AGE));
            }
        }
        for (Field f : new Field[] {Field.RT, Field.RW}) {
            String v = value(form, f);
            if (!v.isEmpty() && !v.matches("\\d{1,3}")) {
                out.put(f, Message.error("error.rtrw"));
            }
        }
        if (nik.matches("\\d{16}")) {
            Gender gender = enumOrNull(Gender.class, value(form, Field.GENDER));
            List<NikCheck.Issue> issues = nikCheck.check(nik, birth.orElse(null), gender);
            issues.stream().filter(i -> i.severity() == NikCheck.Severity.ERROR).findFirst()
                    .ifPresentOrElse(e -> out.put(Field.NIK, new Message(e.severity(), e.key(), e.args())),
                            () -> warnings(issues).ifPresent(w -> out.putIfAbsent(Field.NIK, w)));
        }
        return out;
    }

    /**
     * The NIK's warnings as one message, every one of them: when day, month and year all differ
     * from the form, naming only the day sent the operator to fix one field after another.
     */
    private static Optional<Message> warnings(List<NikCheck.Issue> issues) {
        List<NikCheck.Issue> w = issues.stream().filter(i -> i.severity() == NikCheck.Severity.WARNING).toList();
        if (w.isEmpty()) {
            return Optional.empty();
        }
        if (w.size() == 1 || !w.stream().allMatch(i -> "nik.core".equals(i.key()))) {
            return Optional.of(new Message(w.get(0).severity(), w.get(0).key(), w.get(0).args()));
        }
        String joined = w.stream().map(i -> String.valueOf(i.args()[0])).collect(java.util.stream.Collectors.joining("\n"));
        return Optional.of(new Message(NikCheck.Severity.WARNING, "nik.core", joined));
    }

    static String value(Map<Field, String> form, Field f) {
        String v = form.get(f);
        return v == null ? "" : v.trim();
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        try {
            return name == null || name.isBlank() ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
