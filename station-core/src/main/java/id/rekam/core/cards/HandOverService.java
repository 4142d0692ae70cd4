package id.rekam.core.cards;

import id.rekam.core.auth.AuthException;
import id.rekam.core.auth.Operator;
import id.rekam.core.auth.Role;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.Nik;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.identification.DuplicatePolicy;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreTransaction;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Hand-over of a card to its owner in person. The owner places a finger; the station matches
 * it 1:1 against the templates enrolled with the card's record (kept after the payload purge).
 * A failed match is never overridden by the operator: only a supervisor, authenticated at the
 * desk with their own password, may record an exception with a reason and a second factor.
 * Works entirely offline; the hand-over becomes a sync event in the same transaction.
 */
public final class HandOverService {

    static final String EVIDENCE = "handover-evidence";
    // Lower case with dots and hyphens: the only event types the central server accepts.
    static final String EVENT_HANDED_OVER = "card.handed-over";
    static final String AUDIT_MATCH = "CARD_HANDOVER_MATCH";
    static final String AUDIT_REFUSED = "CARD_HANDOVER_REFUSED";
    static final String AUDIT_HANDED_OVER = "CARD_HANDED_OVER";

    private final StationStore store;
    private final CardRegistry registry;
    private final FingerprintVerifier verifier = new FingerprintVerifier();

    public HandOverService(StationStore store) {
        this.store = store;
        this.registry = new CardRegistry(store);
    }

    record Evidence(byte[] photo, byte[] signature, String reason, String secondFactor) {
    }

    record HandedOverEvent(String handOverId, String serial, String recordId, HandOver.Method method, double score,
                           FingerPosition finger, String supervisor, SecondFactor.Kind secondFactor, Instant at) {
    }

    /** The cards a person may collect (assigned, waiting) or the one card a scanned QR/serial names. */
    public List<Card> lookup(String nikOrScan) {
        String q = nikOrScan == null ? "" : nikOrScan.strip();
        if (q.matches("\\d{16}")) {
            return registry.findByNik(Nik.of(q));
        }
        return List.of(registry.require(CardQr.serial(q)));
    }

    /** Matches the live finger without handing over; the attempt is audited (score only). */
    public FingerprintVerifier.Result verify(String serialOrScan, byte[] probeTemplate, String operator) {
        Card card = registry.require(CardQr.serial(serialOrScan));
        requireHandable(card);
        FingerprintVerifier.Result r = match(card, probeTemplate);
        auditAttempt(card, operator, r, AUDIT_MATCH);
        return r;
    }

    /**
     * Hands the card over after a successful match.
     *
     * @throws CardException no match (the attempt is audited, the card stays ASSIGNED), card in
     *                       the wrong state, unknown serial, missing photo or signature
     */
    public HandOver handOver(HandOverRequest request) {
        Card card = prepare(request);
        FingerprintVerifier.Result r = match(card, request.probeTemplate());
        if (!r.matched()) {
            auditAttempt(card, request.operator(), r, AUDIT_REFUSED);
            throw new CardException("handover.noMatch", card.serial(), Math.round(r.score()),
                    Math.round(DuplicatePolicy.DEFAULT.scoreThreshold()));
        }
        return commit(card, request, HandOver.Method.FINGERPRINT, r, null, null, null);
    }

    /**
     * Hands the card over although the finger did not match, on a supervisor's exception.
     *
     * @throws CardException the supervisor is the operator, not a supervisor, or not authenticated;
     *                       no reason; invalid second factor. Nothing is handed over then.
     */
    public HandOver handOverWithException(HandOverRequest request, SupervisorOverride override) {
        Card card = prepare(request);
        String reason = Serials.freeText(override.reason(), "reason");
        override.secondFactor().validate();
        String supervisor = Serials.requireText(override.supervisor(), "supervisor");
        if (supervisor.equalsIgnoreCase(request.operator().strip())) {
            throw new CardException("handover.supervisorIsOperator");
        }
        Operator who;
        try {
            who = store.operators().login(supervisor, override.password());
        } catch (AuthException e) {
            throw new CardException("handover.supervisorAuthFailed", supervisor);
        }
        if (who.role() != Role.SUPERVISOR) {
            throw new CardException("handover.supervisorRequired", supervisor);
        }
        FingerprintVerifier.Result r = matchOrZero(card, request.probeTemplate());
        return commit(card, request, HandOver.Method.SUPERVISOR_EXCEPTION, r, who.username(), reason,
                override.secondFactor());
    }

    private Card prepare(HandOverRequest request) {
        Serials.requireText(request.operator(), "operator");
        Card card = registry.require(CardQr.serial(request.serial()));
        requireHandable(card);
        if (request.photoJpeg() == null || request.photoJpeg().length == 0) {
            throw new CardException("handover.photoRequired");
        }
        if (request.signaturePng() == null || request.signaturePng().length == 0) {
            throw new CardException("handover.signatureRequired");
        }
        return card;
    }

    private static void requireHandable(Card card) {
        if (card.state() != CardState.ASSIGNED) {
            throw new CardException("card.wrongState", card.serial(), card.state(), CardState.HANDED_OVER);
        }
        if (card.recordId() == null) {
            throw new CardException("handover.noEnrollment", card.serial());
        }
    }

    private FingerprintVerifier.Result match(Card card, byte[] probe) {
        if (probe == null || probe.length == 0) {
            throw new CardException("handover.probeUnreadable");
        }
        Map<FingerPosition, byte[]> enrolled = store.fingerprintTemplates(new RegistrationId(card.recordId()));
        return verifier.verify(probe, enrolled);
    }

    /** With a supervisor's exception the finger may be unusable altogether (e.g. no readable probe). */
    private FingerprintVerifier.Result matchOrZero(Card card, byte[] probe) {
        try {
            return match(card, probe);
        } catch (CardException e) {
            return new FingerprintVerifier.Result(false, 0, null);
        }
    }

    private void auditAttempt(Card card, String operator, FingerprintVerifier.Result r, String action) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("matched", r.matched());
        details.put("score", Math.round(r.score() * 10) / 10.0);
        details.put("finger", r.finger() == null ? "-" : r.finger().name());
        store.inTransaction(tx -> tx.audit(operator, action, card.serial(), details));
    }

    private HandOver commit(Card card, HandOverRequest request, HandOver.Method method, FingerprintVerifier.Result r,
                            String supervisor, String reason, SecondFactor factor) {
        String id = UUID.randomUUID().toString();
        String operator = request.operator().strip();
        String secondFactorText = factor == null ? null : factor.value().strip();
        return store.inTransaction(tx -> {
            Card current = CardRegistry.require(tx, card.serial());
            CardRegistry.move(tx, current, CardState.HANDED_OVER, null, null, operator,
                    method == HandOver.Method.FINGERPRINT ? "fingerprint match" : "supervisor exception: " + reason);
            Instant at = tx.clock().instant();
            byte[] evidence = tx.seal(CardJson.bytes(new Evidence(request.photoJpeg(), request.signaturePng(), reason,
                    secondFactorText)), id, EVIDENCE);
            String eventId = tx.event(EVENT_HANDED_OVER, CardJson.write(new HandedOverEvent(id, card.serial(),
                    card.recordId(), method, r.score(), r.finger(), supervisor,
                    factor == null ? null : factor.kind(), at)), operator);
            try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO handovers (id, serial, record_id, "
                    + "at, operator, method, score, finger, supervisor, second_factor, evidence) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                p.setString(1, id);
                p.setString(2, card.serial());
                p.setString(3, card.recordId());
                p.setLong(4, at.toEpochMilli());
                p.setString(5, operator);
                p.setString(6, method.name());
                p.setDouble(7, r.score());
                p.setString(8, r.finger() == null ? null : r.finger().name());
                p.setString(9, supervisor);
                p.setString(10, factor == null ? null : factor.kind().name());
                p.setBytes(11, evidence);
                p.executeUpdate();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("method", method.name());
            details.put("score", Math.round(r.score() * 10) / 10.0);
            details.put("handOver", id);
            details.put("event", eventId);
            if (supervisor != null) {
                details.put("supervisor", supervisor);
                details.put("secondFactor", factor.kind().name());
            }
            tx.audit(operator, AUDIT_HANDED_OVER, card.serial(), details);
            return new HandOver(id, card.serial(), card.recordId(), at, operator, method, r.score(), r.finger(),
                    supervisor, factor == null ? null : factor.kind(), eventId);
        });
    }

    /** The hand-over of a card, if any. */
    public Optional<HandOver> find(String serial) {
        String s = Serials.normalise(serial);
        return store.read(tx -> {
            try (PreparedStatement p = tx.connection().prepareStatement("SELECT id, serial, record_id, at, operator, "
                    + "method, score, finger, supervisor, second_factor FROM handovers WHERE serial = ?")) {
                p.setString(1, s);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String finger = rs.getString(8);
                    String factor = rs.getString(10);
                    return Optional.of(new HandOver(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5),
                            HandOver.Method.valueOf(rs.getString(6)), rs.getDouble(7),
                            finger == null ? null : FingerPosition.valueOf(finger), rs.getString(9),
                            factor == null ? null : SecondFactor.Kind.valueOf(factor), null));
                }
            }
        });
    }

    /** The recipient's photo taken at hand-over (decrypted). */
    public byte[] recipientPhoto(String handOverId) {
        return evidence(handOverId).photo();
    }

    public byte[] recipientSignature(String handOverId) {
        return evidence(handOverId).signature();
    }

    private Evidence evidence(String handOverId) {
        return store.read(tx -> readEvidence(tx, handOverId));
    }

    private static Evidence readEvidence(StoreTransaction tx, String id) throws SQLException {
        try (PreparedStatement p = tx.connection().prepareStatement("SELECT evidence FROM handovers WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new CardException("handover.unknown", id);
                }
                return CardJson.read(tx.open(rs.getBytes(1), id, EVIDENCE), Evidence.class);
            }
        }
    }
}
