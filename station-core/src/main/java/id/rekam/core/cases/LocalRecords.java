package id.rekam.core.cases;

import id.rekam.core.domain.Address;
import id.rekam.core.domain.Demographics;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.region.Region;
import id.rekam.core.region.RegionCatalog;
import id.rekam.core.store.PayloadPurgedException;
import id.rekam.core.store.RecordSummary;
import id.rekam.core.store.StationStore;

import java.util.Map;
import java.util.Optional;

/**
 * A case's view of the records this station holds: a snapshot when the case opens (so the letter
 * still has an address after the payload is purged), and the live record each time the case is
 * opened (the photo while it exists, the latest state).
 */
final class LocalRecords {

    private final StationStore store;

    LocalRecords(StationStore store) {
        this.store = store;
    }

    boolean holds(String registrationId) {
        return store.findSummary(new RegistrationId(registrationId)).isPresent();
    }

    /** The record as this station holds it, without photo and templates (those are read live); empty when not held. */
    Optional<CaseRecord> snapshot(String registrationId) {
        RegistrationId id = new RegistrationId(registrationId);
        Optional<RecordSummary> summary = store.findSummary(id);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        RecordSummary s = summary.get();
        if (!s.payloadPurged()) {
            try {
                Optional<EnrollmentRecord> full = store.findById(id);
                if (full.isPresent()) {
                    return Optional.of(fromRecord(full.get(), s, null, CaseRecord.Holding.HELD));
                }
            } catch (PayloadPurgedException purged) {
                // purged between the two reads: fall through to the summary
            }
        }
        return Optional.of(new CaseRecord(registrationId, store.stationId(), office(s.villageCode()), s.nik().value(),
                false, s.fullName(), null, s.birthDate(), s.gender(), villageOnly(s.villageCode()), s.capturedAt(),
                s.operatorId(), null, Map.of(), CaseRecord.Holding.PURGED));
    }

    /**
     * The record to show: live when held here (photo included while the payload exists; the
     * snapshot's address kept when the payload is gone), else the snapshot as it came.
     */
    CaseRecord live(CaseRecord snapshot) {
        RegistrationId id = new RegistrationId(snapshot.registrationId());
        Optional<RecordSummary> summary = store.findSummary(id);
        if (summary.isEmpty()) {
            return snapshot.holding() == CaseRecord.Holding.NOT_HELD ? snapshot : asNotHeld(snapshot);
        }
        RecordSummary s = summary.get();
        if (!s.payloadPurged()) {
            try {
                Optional<EnrollmentRecord> full = store.findById(id);
                if (full.isPresent()) {
                    return fromRecord(full.get(), s, full.get().photo().jpeg(), CaseRecord.Holding.HELD);
                }
            } catch (PayloadPurgedException purged) {
                // fall through
            }
        }
        Address address = snapshot.address() != null ? snapshot.address() : villageOnly(s.villageCode());
        return new CaseRecord(snapshot.registrationId(), store.stationId(), office(s.villageCode()), s.nik().value(),
                false, s.fullName(), snapshot.birthPlace(), s.birthDate(), s.gender(), address, s.capturedAt(),
                s.operatorId(), null, Map.of(), CaseRecord.Holding.PURGED);
    }

    /** Templates for the in-person match: this station's (kept after a purge), else what the case carries. */
    Map<FingerPosition, byte[]> templates(CaseRecord r) {
        if (!holds(r.registrationId())) {
            return r.templates();
        }
        Map<FingerPosition, byte[]> local = store.fingerprintTemplates(new RegistrationId(r.registrationId()));
        return local.isEmpty() ? r.templates() : local;
    }

    private CaseRecord fromRecord(EnrollmentRecord r, RecordSummary s, byte[] photo, CaseRecord.Holding holding) {
        Demographics d = r.demographics();
        return new CaseRecord(r.id().value(), r.stationId(), office(d.address().villageCode()), d.nik().value(), false,
                d.fullName(), d.birthPlace(), d.birthDate(), d.gender(), d.address(), r.createdAt(), s.operatorId(),
                photo, Map.of(), holding);
    }

    private static CaseRecord asNotHeld(CaseRecord r) {
        return new CaseRecord(r.registrationId(), r.stationId(), r.office(), r.nik(), r.nikMasked(), r.fullName(),
                r.birthPlace(), r.birthDate(), r.gender(), r.address(), r.recordedAt(), r.operator(), r.photo(),
                r.templates(), CaseRecord.Holding.NOT_HELD);
    }

    static String office(String villageCode) {
        return villageCode != null && villageCode.length() >= 8 ? villageCode.substring(0, 8) : null;
    }

    /** An address that knows only the kelurahan: its names from the bundled Kemendagri list. */
    static Address villageOnly(String villageCode) {
        if (villageCode == null) {
            return null;
        }
        RegionCatalog regions = RegionCatalog.bundled();
        String village = regions.find(villageCode).map(Region::name).orElse(villageCode);
        String district = name(regions, villageCode, 8);
        String regency = name(regions, villageCode, 5);
        String province = name(regions, villageCode, 2);
        return new Address("", "", "", villageCode, village, district, regency, province);
    }

    private static String name(RegionCatalog regions, String code, int length) {
        return code.length() >= length ? regions.find(code.substring(0, length)).map(Region::name).orElse(null) : null;
    }
}
