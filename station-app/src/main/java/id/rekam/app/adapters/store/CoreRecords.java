package id.rekam.app.adapters.store;

import id.rekam.app.ports.Counters;
import id.rekam.app.ports.Operator;
import id.rekam.app.ports.RecordService;
import id.rekam.app.ports.RecordStatus;
import id.rekam.app.ports.RecordSummary;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.Nik;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.SavedEnrollment;
import id.rekam.core.store.StationStore;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records through station-core: sealed rows, signed packets, the outbox and the audit chain. */
final class CoreRecords implements RecordService {

    /** Audit action for a supervisor saving a record despite a possible-duplicate verdict. */
    static final String DUPLICATE_OVERRIDE = "DUPLICATE_OVERRIDE";
    /** Records considered by the local 1:N check; a station holds a few tens of thousands at most. */
    static final int TEMPLATE_SCAN_LIMIT = 50_000;

    private final StationStore store;
    private final PrintReadyIndex printReady;

    CoreRecords(StationStore store) {
        this.store = store;
        this.printReady = new PrintReadyIndex(store);
    }

    @Override
    public void commit(EnrollmentRecord record, Operator operator, boolean needsApproval, Operator overrideBy,
                       String overrideReason) {
        SavedEnrollment saved = store.saveEnrollment(record);
        if (overrideBy != null) {
            store.audit(overrideBy.id(), DUPLICATE_OVERRIDE, record.id().value(),
                    Map.of("reason", overrideReason, "operator", operator.id()));
        }
        if (!needsApproval) {
            store.outbox().approve(List.of(saved.packetId()), operator.id());
            // Approved means ready to deliver: the sync service sends queued packets only.
            store.outbox().enqueue(List.of(saved.packetId()), operator.id());
        }
    }

    @Override
    public Optional<RecordSummary> findByNik(Nik nik) {
        return store.findByNik(nik).stream().findFirst().map(CoreRecords::map).map(this::withPrintReady);
    }

    @Override
    public Optional<EnrollmentRecord> load(RegistrationId id) {
        return store.findById(id);
    }

    @Override
    public List<RecordSummary> search(String query, int limit) {
        List<RecordSummary> found = store.search(query, limit).stream().map(CoreRecords::map).toList();
        if (found.stream().anyMatch(r -> r.status() == RecordStatus.CONFIRMED)) {
            printReady.refresh();
        }
        return found.stream().map(this::withPrintReady).toList();
    }

    @Override
    public List<RecordSummary> waitingApproval() {
        List<RecordSummary> out = new ArrayList<>();
        for (var s : store.search("", TEMPLATE_SCAN_LIMIT)) {
            if (s.state() == OutboxState.CAPTURED) {
                out.add(map(s));
            }
        }
        return out;
    }

    /** The packet of a record carries the record's id (see EnrollmentPackets). */
    @Override
    public void approve(RegistrationId id, Operator supervisor) {
        if (!supervisor.supervisor()) {
            throw new IllegalArgumentException("only a supervisor approves");
        }
        store.outbox().approve(List.of(id.value()), supervisor.id());
        store.outbox().enqueue(List.of(id.value()), supervisor.id());
    }

    @Override
    public Counters counters(LocalDate today, ZoneId zone) {
        var c = store.counters();
        return new Counters((int) c.capturedToday(), (int) c.waitingForSync(), (int) c.waitingForApproval());
    }

    @Override
    public List<StoredTemplates> templates() {
        List<StoredTemplates> out = new ArrayList<>();
        for (var s : store.listRecent(0, TEMPLATE_SCAN_LIMIT)) {
            out.add(new StoredTemplates(s.id(), s.fullName(), store.fingerprintTemplates(s.id())));
        }
        return out;
    }

    static RecordSummary map(id.rekam.core.store.RecordSummary s) {
        return new RecordSummary(s.id(), s.nik().value(), s.fullName(), s.capturedAt(), status(s.state()));
    }

    /** Confirmed records the server has since reported print-ready (an audit entry of the sync client). */
    private RecordSummary withPrintReady(RecordSummary r) {
        return r.status() == RecordStatus.CONFIRMED && printReady.contains(r.id().value())
                ? new RecordSummary(r.id(), r.nik(), r.fullName(), r.createdAt(), RecordStatus.PRINT_READY) : r;
    }

    static RecordStatus status(OutboxState state) {
        return switch (state) {
            case CAPTURED -> RecordStatus.WAITING_APPROVAL;
            case APPROVED, QUEUED -> RecordStatus.WAITING_SYNC;
            case UPLOADING -> RecordStatus.UPLOADING;
            case ACKNOWLEDGED -> RecordStatus.SENT;
            case CONFIRMED -> RecordStatus.CONFIRMED;
            case DUPLICATE -> RecordStatus.DUPLICATE;
            case REJECTED -> RecordStatus.REJECTED;
            case NEEDS_ATTENTION -> RecordStatus.NEEDS_ATTENTION;
            case EXPORTED -> RecordStatus.EXPORTED;
        };
    }
}
