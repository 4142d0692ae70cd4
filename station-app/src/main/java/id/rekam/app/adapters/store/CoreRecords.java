package id.rekam.app.adapters.store;

import id.rekam.app.adapters.identification.StationIndex;
import id.rekam.app.ports.Counters;
import id.rekam.app.ports.Operator;
import id.rekam.app.ports.RecordService;
import id.rekam.app.ports.RecordStatus;
import id.rekam.app.ports.RecordSummary;
import id.rekam.core.commit.ApprovalMode;
import id.rekam.core.commit.CaptureCommit;
import id.rekam.core.commit.CommitPolicy;
import id.rekam.core.commit.DuplicateOverride;
import id.rekam.core.commit.ReviewFindings;
import id.rekam.core.commit.ReviewNote;
import id.rekam.core.commit.ReviewFlags;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.Nik;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.StationStore;
import id.rekam.core.verdict.ServerVerdict;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Records through station-core: sealed rows, signed packets, the outbox and the audit chain. The
 * commit policy (who approves, when a record waits, what an override or a review takes) is
 * core's ({@code Captures}); verdicts are the record's state and data in the store
 * ({@code Verdicts}). A committed record joins the station's fingerprint index.
 */
final class CoreRecords implements RecordService {

    /** Records the approval list shows at most. */
    static final int APPROVAL_LIST_LIMIT = 50_000;

    private final StationStore store;
    private final StationIndex index;

    CoreRecords(StationStore store, StationIndex index) {
        this.store = store;
        this.index = index;
    }

    @Override
    public RecordStatus commit(EnrollmentRecord record, ApprovalMode mode, Optional<DuplicateOverride> override,
                               Optional<ReviewFindings> review, Optional<ReviewNote> reviewNote) {
        CaptureCommit request = CaptureCommit.of(record, mode);
        request = override.map(request::withOverride).orElse(request);
        request = review.map(request::withReview).orElse(request);
        CaptureCommit whole = reviewNote.map(request::withReviewNote).orElse(request);
        var saved = index.committing(record.id(), StationIndex.prints(record), () -> store.captures().commit(whole));
        return saved.state() == OutboxState.CAPTURED && store.captures().awaitingReview(record.id())
                ? RecordStatus.WAITING_REVIEW : status(saved.state());
    }

    @Override
    public Optional<RecordSummary> summary(RegistrationId id) {
        return store.findSummary(id).map(this::mapWithReview);
    }

    /** The record standing for this NIK here: refused and sent-back records do not (core's policy). */
    @Override
    public Optional<RecordSummary> findByNik(Nik nik) {
        return store.findByNik(nik).stream().filter(s -> CommitPolicy.countsAsRecorded(s.state())).findFirst()
                .map(CoreRecords::map);
    }

    @Override
    public Optional<EnrollmentRecord> load(RegistrationId id) {
        return store.findById(id);
    }

    @Override
    public List<RecordSummary> search(String query, int limit) {
        return store.search(query, limit).stream().map(CoreRecords::map).toList();
    }

    /** Newest first, as the approval list shows them. */
    @Override
    public List<RecordSummary> waitingApproval() {
        List<RecordSummary> out = new ArrayList<>();
        for (RegistrationId id : store.captures().waitingApproval(APPROVAL_LIST_LIMIT)) {
            store.findSummary(id).map(this::mapWithReview).ifPresent(out::add);
        }
        Collections.reverse(out);
        return out;
    }

    /** The store checks that {@code supervisor} may approve, and that records sent to review get a note. */
    @Override
    public void approve(List<RegistrationId> ids, Operator supervisor, String reviewNote) {
        store.captures().approve(ids, supervisor.id(), reviewNote);
    }

    /** A record waiting for its review shows so; otherwise its state. */
    private RecordSummary mapWithReview(id.rekam.core.store.RecordSummary s) {
        RecordSummary plain = map(s);
        return plain.status() == RecordStatus.WAITING_APPROVAL && store.captures().awaitingReview(s.id())
                ? new RecordSummary(plain.id(), plain.nik(), plain.fullName(), plain.createdAt(),
                RecordStatus.WAITING_REVIEW) : plain;
    }

    @Override
    public Optional<ServerVerdict> verdict(RegistrationId id) {
        return store.verdicts().ofRecord(id);
    }

    @Override
    public Counters counters(LocalDate today, ZoneId zone) {
        var c = store.counters();
        return new Counters((int) c.capturedToday(), (int) c.waitingForSync(), (int) c.waitingForApproval());
    }

    @Override
    public Optional<Review> review(RegistrationId id) {
        return store.findById(id).flatMap(r -> store.findSummary(id).map(s -> new Review(r, status(s.state()),
                ReviewFlags.of(r, store.captures().override(id).isPresent()))));
    }

    @Override
    public void decline(RegistrationId id, Operator supervisor, String reason) {
        store.captures().decline(id, supervisor.id(), reason);
    }

    @Override
    public void sendBack(RegistrationId id, Operator supervisor, String reason) {
        store.captures().sendBack(id, supervisor.id(), reason);
    }

    @Override
    public List<Returned> returnedTo(Operator operator) {
        List<Returned> out = new ArrayList<>();
        for (RegistrationId id : store.captures().returnedTo(operator.id())) {
            var note = store.captures().supervisorDecision(id);
            store.findById(id).ifPresent(r -> out.add(new Returned(r, note.map(n -> n.reason()).orElse(""),
                    note.map(n -> n.supervisor()).orElse(""))));
        }
        return out;
    }

    static RecordSummary map(id.rekam.core.store.RecordSummary s) {
        return new RecordSummary(s.id(), s.nik().value(), s.fullName(), s.capturedAt(), status(s.state()));
    }

    static RecordStatus status(OutboxState state) {
        return switch (state) {
            case CAPTURED -> RecordStatus.WAITING_APPROVAL;
            case APPROVED, QUEUED -> RecordStatus.WAITING_SYNC;
            case UPLOADING -> RecordStatus.UPLOADING;
            case ACKNOWLEDGED -> RecordStatus.SENT;
            case CONFIRMED -> RecordStatus.CONFIRMED;
            case PRINT_READY -> RecordStatus.PRINT_READY;
            case DUPLICATE -> RecordStatus.DUPLICATE;
            case REJECTED -> RecordStatus.REJECTED;
            case SERVER_REVIEW -> RecordStatus.SERVER_REVIEW;
            case NEEDS_ATTENTION -> RecordStatus.NEEDS_ATTENTION;
            case EXPORTED -> RecordStatus.EXPORTED;
            case DECLINED -> RecordStatus.DECLINED;
            case RETURNED -> RecordStatus.RETURNED;
        };
    }
}
