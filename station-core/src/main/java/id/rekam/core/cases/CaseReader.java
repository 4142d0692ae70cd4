package id.rekam.core.cases;

import id.rekam.core.store.StoreTransaction;

import java.sql.SQLException;
import java.util.List;

/** Opens a case row into a {@link CaseFile}: its seals, its records as the station holds them now, letters and history. */
final class CaseReader {

    private final LocalRecords local;

    CaseReader(LocalRecords local) {
        this.local = local;
    }

    CaseFile file(StoreTransaction tx, CaseRows.Row r) throws SQLException {
        CaseSeals.Data d = data(tx, r);
        PreparedOutcome prepared = r.prepared() == null ? null
                : CaseSeals.open(tx, r.prepared(), r.id(), CaseSeals.PREPARED, PreparedOutcome.class);
        CaseFile.ServerAck ack = r.serverStatus() == null ? null
                : new CaseFile.ServerAck(r.serverStatus(), r.serverCode(), r.serverAt());
        List<Invitation> invitations = InvitationRows.of(tx, r.id());
        return new CaseFile(r.id(), r.source(), r.reason(), r.serverCaseId(), r.state(), r.openedAt(), r.stateSince(),
                r.deadline(), r.villageCode(), local.live(d.first()), local.live(d.second()), d.matchedBy(), d.fingers(),
                d.matchThreshold(), d.raisedBy(), invitations, prepared, r.closedBy(), r.closedAt(), r.eventId(), ack,
                CaseRows.history(tx, r.id()));
    }

    static CaseSeals.Data data(StoreTransaction tx, CaseRows.Row r) {
        return CaseSeals.open(tx, r.data(), r.id(), CaseSeals.DATA, CaseSeals.Data.class);
    }

    static CaseSeals.Summary summary(StoreTransaction tx, CaseRows.Row r) {
        return CaseSeals.open(tx, r.summary(), r.id(), CaseSeals.SUMMARY, CaseSeals.Summary.class);
    }

    static CaseSummary summaryOf(StoreTransaction tx, CaseRows.Row r) throws SQLException {
        CaseSeals.Summary s = summary(tx, r);
        return new CaseSummary(r.id(), r.source(), r.reason(), r.state(), r.villageCode(), r.openedAt(), r.deadline(),
                s.citizen(), s.nikShown(), InvitationRows.count(tx, r.id()), r.outcome());
    }
}
