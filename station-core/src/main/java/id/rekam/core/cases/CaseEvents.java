package id.rekam.core.cases;

import id.rekam.core.text.JsonDocs;
import id.rekam.core.cards.VoidedRecordCards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code case.outcome} event a closed case sends to the central server through the event
 * outbox (docs/sync-protocol.md §7, schema {@code events/case.outcome}). Ids, codes, scores and
 * user names only: no NIK, name, address or note leaves the station this way.
 */
final class CaseEvents {

    static final String OUTCOME = "case.outcome";

    private CaseEvents() {
    }

    static String outcome(CaseFile f, PreparedOutcome p, String confirmedBy, Instant confirmedAt,
                          List<VoidedRecordCards.Retired> cards) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("caseId", f.id());
        if (f.serverCaseId() != null) {
            e.put("serverCaseId", f.serverCaseId());
        }
        e.put("source", f.source().name());
        e.put("reason", f.reason());
        e.put("records", List.of(f.first().registrationId(), f.second().registrationId()));
        e.put("outcome", p.outcome().wire());
        if (p.kept() != null) {
            e.put("kept", p.kept());
        }
        if (p.voided() != null) {
            e.put("voided", p.voided());
            e.put("voidReason", p.voidReason().wire());
        }
        if (p.check() != null) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("method", wire(p.check().method()));
            check.put("record", p.check().record());
            check.put("score", Math.round(p.check().score() * 10) / 10.0);
            check.put("threshold", p.check().threshold());
            if (p.check().finger() != null) {
                check.put("finger", p.check().finger().isoCode());
            }
            if (p.check().supervisor() != null) {
                check.put("supervisor", p.check().supervisor());
            }
            e.put("inPerson", check);
        }
        List<Map<String, Object>> letters = new ArrayList<>();
        for (Invitation i : f.invitations()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("round", i.round());
            l.put("letterNumber", i.letterNumber());
            l.put("issuedAt", i.issuedAt().toString());
            l.put("appointment", i.appointment().toString());
            l.put("noShow", i.noShow());
            letters.add(l);
        }
        e.put("invitations", letters);
        List<Map<String, Object>> retired = new ArrayList<>();
        for (VoidedRecordCards.Retired c : cards) {
            retired.add(Map.of("serial", c.serial(), "action", wire(c.action())));
        }
        e.put("cards", retired);
        e.put("preparedBy", p.preparedBy());
        e.put("preparedAt", p.preparedAt().toString());
        e.put("confirmedBy", confirmedBy);
        e.put("confirmedAt", confirmedAt.toString());
        return JsonDocs.write(e);
    }

    /** {@code SUPERVISOR_EXCEPTION} → {@code supervisor-exception}. */
    static String wire(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
