package id.rekam.core.cases;

import id.rekam.core.domain.RegistrationId;
import id.rekam.core.store.StationStore;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * KTP ganda cases on this station (docs/design/cases.md): the one entry point. Every case — from a
 * supervisor's override, a server verdict or a server assignment — is in one list; the intake opens
 * them, the invitations and decisions move them, and everything personal about them is sealed in
 * the store. Every change is one store transaction with its history row and audit entry.
 */
public final class Cases {

    private final StationStore store;
    private final LocalRecords local;
    private final CaseReader reader;
    private final CaseIntake intake;
    private final CaseInvitations invitations;
    private final CaseDecisions decisions;
    private final CaseFeed feed;
    private final CaseReports reports;

    public Cases(StationStore store) {
        this.store = store;
        this.local = new LocalRecords(store);
        this.reader = new CaseReader(local);
        this.intake = new CaseIntake(store, local);
        this.invitations = new CaseInvitations(store, reader);
        this.decisions = new CaseDecisions(store, reader, local);
        this.feed = new CaseFeed(store, intake, local);
        this.reports = new CaseReports(store);
    }

    public CaseIntake intake() {
        return intake;
    }

    public CaseInvitations invitations() {
        return invitations;
    }

    public CaseDecisions decisions() {
        return decisions;
    }

    public CaseFeed feed() {
        return feed;
    }

    public ZoneId zone() {
        return store.zone();
    }

    public String stationId() {
        return store.stationId();
    }

    /** The store's time: letters and deadlines are reckoned by it, not by the desk's clock. */
    public java.time.Instant now() {
        return store.read(tx -> tx.clock().instant());
    }

    /** The whole case, opened; empty for an unknown id (also one read from a letter's QR code). */
    public Optional<CaseFile> find(String caseId) {
        String id = CaseQr.caseId(caseId);
        return store.read(tx -> {
            Optional<CaseRows.Row> r = CaseRows.load(tx, id);
            return r.isEmpty() ? Optional.<CaseFile>empty() : Optional.of(reader.file(tx, r.get()));
        });
    }

    /** Cases, oldest first; only those still needing work when {@code openOnly}. */
    public List<CaseSummary> list(boolean openOnly) {
        return store.read(tx -> {
            List<CaseSummary> out = new ArrayList<>();
            String where = openOnly ? "WHERE state IN ('OPEN', 'INVITED', 'AWAITING_CONFIRMATION') " : "";
            for (CaseRows.Row r : CaseRows.select(tx, where + "ORDER BY opened_at, id")) {
                out.add(CaseReader.summaryOf(tx, r));
            }
            return out;
        });
    }

    /** The cases a record is part of. */
    public List<CaseSummary> ofRecord(RegistrationId id) {
        return store.read(tx -> {
            List<CaseSummary> out = new ArrayList<>();
            for (CaseRows.Row r : CaseRows.select(tx, "WHERE id IN (SELECT case_id FROM case_records WHERE record_id = ?) "
                    + "ORDER BY opened_at", id.value())) {
                out.add(CaseReader.summaryOf(tx, r));
            }
            return out;
        });
    }

    /**
     * Takes every local source not taken yet: the server's case entries kept while the store was
     * locked, overrides, stored verdicts (a case-raising verdict kept while locked is one of them
     * once the unlock applied it); cheap when there is none.
     */
    public List<CaseIntake.Result> takeLocalSources() {
        List<CaseIntake.Result> out = new ArrayList<>(feed.takeHeld());
        out.addAll(intake.fromOverrides());
        out.addAll(intake.fromStoredVerdicts());
        return out;
    }

    public OpenCases openCases() {
        return reports.open();
    }

    public CasePeriodReport period(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new CaseException("case.periodReversed");
        }
        return reports.period(from, to);
    }
}
