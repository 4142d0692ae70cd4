package id.rekam.app.enroll;

import id.rekam.app.ports.RegionService;
import id.rekam.core.domain.Address;
import id.rekam.core.domain.BloodType;
import id.rekam.core.domain.Citizenship;
import id.rekam.core.domain.Demographics;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.FingerprintCapture;
import id.rekam.core.domain.Gender;
import id.rekam.core.domain.MaritalStatus;
import id.rekam.core.domain.Nik;
import id.rekam.core.domain.PhotoCapture;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.domain.Religion;
import id.rekam.core.domain.SignatureCapture;
import id.rekam.core.photo.PhotoBackground;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything captured so far for one citizen, across the five steps. Plain Java (no FX) so
 * it can be tested and turned into a draft or an {@link EnrollmentRecord}.
 */
public final class EnrollmentSession {

    static final String NIK_CONFIRMED = "nikWarningConfirmed";

    private final RegistrationId id = RegistrationId.random();
    private final Map<Field, String> form = new EnumMap<>(Field.class);
    private final Map<FingerPosition, FingerprintCapture> fingers = new EnumMap<>(FingerPosition.class);
    private boolean nikWarningConfirmed;
    private PhotoCapture photo;
    private SignatureCapture signature;

    public RegistrationId id() {
        return id;
    }

    public Map<Field, String> form() {
        return form;
    }

    public String get(Field f) {
        return BiodataValidator.value(form, f);
    }

    public void set(Field f, String value) {
        form.put(f, value == null ? "" : value);
    }

    public boolean nikWarningConfirmed() {
        return nikWarningConfirmed;
    }

    public void confirmNikWarning(boolean confirmed) {
        this.nikWarningConfirmed = confirmed;
    }

    public Optional<PhotoCapture> photo() {
        return Optional.ofNullable(photo);
    }

    public void photo(PhotoCapture photo) {
        this.photo = photo;
    }

    public Optional<SignatureCapture> signature() {
        return Optional.ofNullable(signature);
    }

    public void signature(SignatureCapture signature) {
        this.signature = signature;
    }

    public Map<FingerPosition, FingerprintCapture> fingers() {
        return fingers;
    }

    public boolean allFingersDone() {
        return fingers.size() == FingerPosition.values().length;
    }

    public Optional<LocalDate> birthDate() {
        return BirthDates.parse(get(Field.BIRTH_DATE));
    }

    /** The photo backdrop the rule asks for this citizen; empty while the birth date is unknown. */
    public Optional<PhotoBackground> requiredBackground() {
        return PhotoBackground.required("WNA".equals(get(Field.CITIZENSHIP)), birthDate().orElse(null));
    }

    /** The biodata only: biometrics are not drafted (they are re-captured in seconds, and are the most sensitive). */
    public Map<String, String> toDraft() {
        Map<String, String> d = new LinkedHashMap<>();
        form.forEach((k, v) -> d.put(k.name(), v));
        d.put(NIK_CONFIRMED, Boolean.toString(nikWarningConfirmed));
        return d;
    }

    public void fromDraft(Map<String, String> draft) {
        for (Field f : Field.values()) {
            String v = draft.get(f.name());
            if (v != null) {
                form.put(f, v);
            }
        }
        nikWarningConfirmed = Boolean.parseBoolean(draft.get(NIK_CONFIRMED));
    }

    /**
     * A record sent back for correction, as a new recording of the same person: its biodata in
     * the form and its photo, fingers and signature kept (with their original provenance), so
     * the operator corrects what the supervisor named and saves again under a new number.
     */
    public void fromRecord(EnrollmentRecord r) {
        Demographics d = r.demographics();
        String village = d.address().villageCode();
        set(Field.NIK, d.nik().value());
        set(Field.FULL_NAME, d.fullName());
        set(Field.BIRTH_PLACE, d.birthPlace());
        set(Field.BIRTH_DATE, BirthDates.format(d.birthDate()));
        set(Field.GENDER, d.gender().name());
        set(Field.BLOOD_TYPE, d.bloodType().name());
        set(Field.RELIGION, d.religion().name());
        set(Field.MARITAL_STATUS, d.maritalStatus().name());
        set(Field.OCCUPATION, d.occupation());
        set(Field.CITIZENSHIP, d.citizenship().name());
        set(Field.STREET, d.address().street());
        set(Field.RT, d.address().rt());
        set(Field.RW, d.address().rw());
        set(Field.PROVINCE, village.length() >= 2 ? village.substring(0, 2) : "");
        set(Field.REGENCY, village.length() >= 5 ? village.substring(0, 5) : "");
        set(Field.DISTRICT, village.length() >= 8 ? village.substring(0, 8) : "");
        set(Field.VILLAGE, village);
        photo = r.photo();
        signature = r.signature();
        fingers.clear();
        r.fingerprints().forEach(f -> fingers.put(f.position(), f));
    }

    public Demographics demographics(RegionService regions) {
        String village = get(Field.VILLAGE);
        Address address = new Address(get(Field.STREET).toUpperCase(Locale.ROOT), pad3(get(Field.RT)),
                pad3(get(Field.RW)), village, regionName(regions, village), regionName(regions, get(Field.DISTRICT)),
                regionName(regions, get(Field.REGENCY)), regionName(regions, get(Field.PROVINCE)));
        return new Demographics(Nik.of(get(Field.NIK)), get(Field.FULL_NAME).toUpperCase(Locale.ROOT),
                get(Field.BIRTH_PLACE).toUpperCase(Locale.ROOT), birthDate().orElseThrow(),
                Gender.valueOf(get(Field.GENDER)), BloodType.valueOf(get(Field.BLOOD_TYPE)), address,
                Religion.valueOf(get(Field.RELIGION)), MaritalStatus.valueOf(get(Field.MARITAL_STATUS)),
                get(Field.OCCUPATION).toUpperCase(Locale.ROOT), Citizenship.valueOf(get(Field.CITIZENSHIP)));
    }

    /** What still blocks the record, as bundle keys (empty when it can be committed). */
    public List<String> missing() {
        List<String> m = new ArrayList<>();
        if (photo == null) {
            m.add("review.missing.photo");
        }
        if (!allFingersDone()) {
            m.add("review.missing.fingers");
        }
        if (signature == null) {
            m.add("review.missing.signature");
        }
        return m;
    }

    public EnrollmentRecord toRecord(RegionService regions, String stationId, String operatorId, Instant now) {
        return new EnrollmentRecord(id, demographics(regions), photo, new ArrayList<>(fingers.values()), signature,
                stationId, operatorId, now);
    }

    private static String regionName(RegionService regions, String code) {
        return regions.find(code).map(r -> r.name()).orElse(code);
    }

    private static String pad3(String s) {
        return s.isEmpty() ? s : "%03d".formatted(Integer.parseInt(s));
    }
}
