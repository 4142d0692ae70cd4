package id.rekam.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditLog;
import id.rekam.core.outbox.IllegalTransitionException;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.trust.ServerTrust;
import id.rekam.core.trust.SignedJson;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.core.verdict.VerdictFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies what the sync service learned while the store was locked ({@link DeliveryStore}):
 * each receipt and verdict is checked against the server key the store pinned and then goes
 * through the audited outbox and verdicts, as if the sync client had applied it at once; what
 * does not verify is dropped and audited. Case entries ({@link #HELD_TYPES}) that verify, and
 * case-raising verdicts once applied, stay in the inbox for the cases layer, which sits above the
 * store: they are marked with {@link #FOR_CASES} and {@code core.cases} takes them through
 * {@link DeliveryStore#heldEntries()}, checking each signature again. Runs at every unlock and before every
 * unlocked delivery pass. Idempotent: a row applied twice (a crash before its delete) changes
 * nothing the second time.
 */
final class JournalFold {

    private static final Logger LOG = LoggerFactory.getLogger(JournalFold.class);
    static final String VIEW_CURSOR = "view:";
    static final String ACTOR = "sync";
    private static final Set<String> VERDICT_TYPES = Set.of("accepted", "print-ready", "duplicate", "rejected",
            "needs-review");
    /** Feed entries only the cases layer acts on (docs/sync-protocol.md §6.1): kept, verified, until it takes them. */
    static final Set<String> HELD_TYPES = Set.of("case-assigned", "case-resolved");
    /** Cursor prefix of an inbox row the fold has handed to the cases layer. */
    static final String FOR_CASES = "cases:";

    private JournalFold() {
    }

    record Row(String packetId, String state, String url, String receipt, String reason) {
    }

    record Entry(long seq, String cursor, String text) {
    }

    static int run(Database db, SqlOutbox outbox, SqlVerdicts verdicts, AuditLog audit, Optional<ServerTrust> trust,
                   String stationId) {
        byte[] key = trust.map(ServerTrust::keys).map(k -> k.signingKey()).orElse(null);
        if (key == null) {
            return 0;
        }
        int applied = 0;
        int held = 0;
        List<String> refused = new ArrayList<>();
        for (Row r : deliveryRows(db)) {
            if (DeliveryStore.UPLOADING.equals(r.state())) {
                continue;
            }
            String problem = receipt(db, outbox, verdicts, key, stationId, r);
            if (problem == null) {
                applied++;
            } else {
                refused.add(r.packetId() + ": " + problem);
            }
            db.inTransaction(c -> {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM delivery WHERE packet_id = ? AND state = ?")) {
                    p.setString(1, r.packetId());
                    p.setString(2, r.state());
                    return p.executeUpdate();
                }
            });
        }
        for (Entry e : inbox(db)) {
            if (e.cursor().startsWith(FOR_CASES)) {
                continue;
            }
            JsonNode n = SignedJson.parse(e.text());
            boolean view = e.cursor().startsWith(VIEW_CURSOR);
            String type = n == null ? null : (view ? n.path("state").asText() : n.path("type").asText());
            String packetId = n == null ? null : n.path("packetId").asText(null);
            if (n == null || !SignedJson.verify(key, view ? SignedJson.Purpose.VERDICT : SignedJson.Purpose.FEED_ENTRY,
                    stationId, n)) {
                refused.add("inbox " + e.cursor() + ": not signed by the pinned server");
            } else if (!view && HELD_TYPES.contains(type)) {
                forCases(db, e.seq());
                held++;
                continue;
            } else if (VERDICT_TYPES.contains(type) && packetId != null) {
                ServerVerdict v = VerdictFields.of(type, n);
                try {
                    verdicts.apply(packetId, v, ACTOR);
                    applied++;
                    if (!view && ServerVerdict.CASE_RAISING_KINDS.contains(type)) {
                        // Applied; the cases layer opens its case from the entry, as the unlocked side does.
                        forCases(db, e.seq());
                        held++;
                        continue;
                    }
                } catch (IllegalTransitionException | StoreException x) {
                    refused.add(packetId + ": " + x.getMessage());
                }
            } else if ("station-command".equals(type)) {
                // Already carried out when it arrived; the trail records it now that it can.
                db.inTransaction(c -> audit.append(c, ACTOR, AuditActions.STATION_COMMAND, stationId,
                        Map.of("command", n.path("command").asText(), "commandId", n.path("commandId").asText(),
                                "whileLocked", true)));
                applied++;
            }
            db.inTransaction(c -> {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM inbox WHERE seq = ?")) {
                    p.setLong(1, e.seq());
                    return p.executeUpdate();
                }
            });
        }
        if (applied > 0 || !refused.isEmpty()) {
            int n = applied;
            db.inTransaction(c -> {
                if (n > 0) {
                    audit.append(c, ACTOR, AuditActions.JOURNAL_APPLIED, stationId, Map.of("applied", n));
                }
                if (!refused.isEmpty()) {
                    audit.append(c, ACTOR, AuditActions.JOURNAL_REFUSED, stationId, Map.of("refused", refused));
                }
                return null;
            });
        }
        if (!refused.isEmpty()) {
            LOG.warn("journal entries refused (not signed by the pinned server or not applicable): {}", refused);
        }
        if (held > 0) {
            LOG.info("{} case entries received while locked wait for the cases layer", held);
        }
        return applied;
    }

    /** Marks an inbox row as the cases layer's; a row marked before for the same cursor (a re-read page) goes. */
    private static void forCases(Database db, long seq) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE OR REPLACE inbox SET cursor = '" + FOR_CASES + "' || cursor WHERE seq = ?")) {
                p.setLong(1, seq);
                return p.executeUpdate();
            }
        });
    }

    /** @return null when applied, else why not */
    private static String receipt(Database db, SqlOutbox outbox, SqlVerdicts verdicts, byte[] key, String stationId,
                                  Row r) {
        if (DeliveryStore.PARKED.equals(r.state())) {
            return transition(() -> outbox.markNeedsAttention(r.packetId(), "server refused packet: " + r.reason(), ACTOR));
        }
        JsonNode receipt = r.receipt() == null ? null : SignedJson.parse(r.receipt());
        if (receipt == null || !SignedJson.verify(key, SignedJson.Purpose.RECEIPT, stationId, receipt)) {
            return "receipt not signed by the pinned server";
        }
        if (!r.packetId().equals(receipt.path("packetId").asText())) {
            return "receipt names packet " + receipt.path("packetId").asText();
        }
        Optional<String> sealedSha = sealedSha(db, r.packetId());
        if (sealedSha.isPresent() && !sealedSha.get().equals(receipt.path("sha256").asText())) {
            return "receipt names SHA-256 " + receipt.path("sha256").asText() + ", the sealed packet is " + sealedSha.get();
        }
        URI url = r.url() == null ? URI.create("/v1/uploads/unknown") : URI.create(r.url());
        if (DeliveryStore.REJECTED.equals(r.state())) {
            return transition(() -> {
                uploading(outbox, r.packetId(), url);
                verdicts.apply(r.packetId(), VerdictFields.receiptRejection(receipt), ACTOR);
            });
        }
        return transition(() -> {
            OutboxState s = outbox.entry(r.packetId()).map(e -> e.state()).orElse(null);
            if (s == OutboxState.QUEUED) {
                outbox.acknowledgeUpload(r.packetId(), url, ACTOR);
            } else if (s == OutboxState.EXPORTED) {
                outbox.startUpload(r.packetId(), url, ACTOR);
                outbox.markAcknowledged(r.packetId(), ACTOR);
            } else if (s == OutboxState.UPLOADING) {
                outbox.markAcknowledged(r.packetId(), ACTOR);
            }
        });
    }

    private static void uploading(SqlOutbox outbox, String packetId, URI url) {
        OutboxState s = outbox.entry(packetId).map(e -> e.state()).orElse(null);
        if (s == OutboxState.QUEUED || s == OutboxState.EXPORTED) {
            outbox.startUpload(packetId, url, ACTOR);
        }
    }

    private static String transition(Runnable r) {
        try {
            r.run();
            return null;
        } catch (IllegalTransitionException | StoreException e) {
            return e.getMessage();
        }
    }

    private static Optional<String> sealedSha(Database db, String packetId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT seal_header, body FROM packets WHERE id = ?")) {
                p.setString(1, packetId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next() || rs.getBytes(1) == null || rs.getBytes(2) == null) {
                        return Optional.empty();
                    }
                    return Optional.of(PacketCodec.sha256Hex(
                            id.rekam.core.crypto.PacketSeal.join(rs.getBytes(1), rs.getBytes(2))));
                }
            }
        });
    }

    private static List<Row> deliveryRows(Database db) {
        return db.read(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT packet_id, state, upload_url, receipt, reason FROM delivery ORDER BY updated_at");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        });
    }

    private static List<Entry> inbox(Database db) {
        return db.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT seq, cursor, entry FROM inbox ORDER BY seq");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }
}
