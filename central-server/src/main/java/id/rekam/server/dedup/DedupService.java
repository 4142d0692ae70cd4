package id.rekam.server.dedup;

import com.machinezoo.sourceafis.FingerprintTemplate;
import id.rekam.core.commit.ReviewFindings;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.Nik;
import id.rekam.core.identification.DuplicatePolicy;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketFormatException;
import id.rekam.core.packet.PacketPart;
import id.rekam.identification.Identification;
import id.rekam.identification.Probe;
import id.rekam.server.packets.EnrollmentContent;
import id.rekam.server.packets.PacketState;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationRegistry;
import id.rekam.server.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * Decides accepted / duplicate / needs-review / rejected for an enrollment packet: first by NIK
 * (the same NIK in an earlier accepted record from another packet), then by fingerprints 1:N
 * against every accepted record of every station through the identification engine (every
 * finger against every position), judged by {@link DuplicatePolicy#DEFAULT}: a
 * {@code POSSIBLE_DUPLICATE} is a {@code duplicate}, a {@code NEEDS_REVIEW} (matches only across
 * positions, or more exceptions than the policy allows) is {@code needs-review}. Callers
 * serialise decisions and commit one only if its {@link Verdict#basis()} still holds
 * ({@link #stillValid}), so two copies of one person cannot both pass, even when another process
 * ({@code import-bundle}) decides on the same database.
 */
public final class DedupService {

    private static final Pattern TEMPLATE_PART = Pattern.compile("finger-(\\d{2})\\.tpl");
    private static final Logger LOG = LoggerFactory.getLogger(DedupService.class);

    private final Database db;
    private final boolean acceptUnparseableTemplates;
    private final DuplicatePolicy policy = DuplicatePolicy.DEFAULT;
    private final ServerIndex index;
    private final VerdictFields fields;
    private final FingerComparison comparison;
    private final EnrollmentPackets enrollment = new EnrollmentPackets();
    private final EnrollmentContent content = new EnrollmentContent();

    /**
     * Records never to report as duplicates of each other again: a KTP ganda case decided they are
     * two people (docs/design/cases.md). Checked against each candidate before a verdict.
     */
    @FunctionalInterface
    public interface Exclusions {
        boolean excluded(String packetId, String candidatePacketId);
    }

    private Exclusions exclusions = (a, b) -> false;

    public void exclude(Exclusions e) {
        this.exclusions = e;
    }

    /**
     * @param acceptUnparseableTemplates reference server only (demo data): skip fingers SourceAFIS
     *                                   cannot read instead of rejecting the record
     */
    public DedupService(Database db, StationRegistry stations, boolean acceptUnparseableTemplates) {
        this.db = db;
        this.acceptUnparseableTemplates = acceptUnparseableTemplates;
        TemplatesTable table = new TemplatesTable(db);
        this.index = new ServerIndex(table, policy);
        this.fields = new VerdictFields(db, stations);
        this.comparison = new FingerComparison(table);
    }

    /** Indexes the templates of accepted records; called once at start. */
    public void loadIndex() {
        index.load();
    }

    /** Brings the index level with templates written since, by this server or another process. */
    public void catchUp() {
        index.catchUp();
    }

    /** People in the index. */
    public int indexedPeople() {
        return index.people();
    }

    /** The NIK of a packet, for storing beside it; empty if the demographics are unreadable. */
    public Optional<Nik> nik(Packet packet) {
        try {
            return Optional.of(enrollment.demographics(packet).nik());
        } catch (PacketFormatException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public Verdict decide(Packet packet, Station from) {
        Optional<EnrollmentContent.Problem> problem = content.check(packet);
        if (problem.isPresent()) {
            return Verdict.rejected(problem.get().code(), problem.get().message());
        }
        EnrollmentRecord record;
        try {
            record = enrollment.fromPacket(packet);
        } catch (PacketFormatException e) {
            // The schemas describe all that is read here, so this means they and the reader drifted
            // apart: the station gets a plain reason, the detail stays in the server's log.
            LOG.error("packet {} passed the content checks but does not read as an enrollment", packet.id(), e);
            return Verdict.rejected(EnrollmentContent.INVALID_PART,
                    "the enrollment parts follow their schemas but do not read together as one record");
        }
        Map<FingerPosition, byte[]> probes = new EnumMap<>(FingerPosition.class);
        Map<Integer, byte[]> serialised = new TreeMap<>();
        List<String> unparseable = new ArrayList<>();
        for (PacketPart part : packet.parts()) {
            Matcher m = TEMPLATE_PART.matcher(part.name());
            if (!m.matches()) {
                continue;
            }
            int position = Integer.parseInt(m.group(1));
            try {
                new FingerprintTemplate(part.bytes());
                FingerPosition.ofIsoCode(position).ifPresent(p -> probes.put(p, part.bytes()));
                serialised.put(position, part.bytes());
            } catch (RuntimeException e) {
                unparseable.add(part.name());
            }
        }
        long upTo = index.catchUp();
        Verdict.Basis basis = new Verdict.Basis(upTo, record.demographics().nik().value());
        // A NIK match is a duplicate whatever the prints; they are scored only as its evidence.
        Optional<String> byNik = acceptedWithNik(db, packet.id(), record.demographics().nik().value());
        if (byNik.isPresent()) {
            return duplicate("nik", byNik.get(), true, probes, basis);
        }
        if (!unparseable.isEmpty() && !acceptUnparseableTemplates) {
            return Verdict.rejected("unparseable-template",
                    "not SourceAFIS templates: " + String.join(", ", unparseable));
        }
        int exceptions = (int) record.fingerprints().stream().filter(f -> !f.hasPrint()).count();
        Identification found = index.identify(new Probe(probes, exceptions, packet.id()))
                .without(candidate -> exclusions.excluded(packet.id(), candidate));
        if (found.verdict() == DuplicatePolicy.Verdict.POSSIBLE_DUPLICATE) {
            String first = found.candidates().get(0).personId();
            return duplicate("fingerprint", first, fields.sameRegency(first, from), probes, basis);
        }
        if (found.verdict() == DuplicatePolicy.Verdict.NEEDS_REVIEW) {
            return needsReview(found, exceptions, from, basis);
        }
        Map<String, Object> feed = new LinkedHashMap<>();
        if (!unparseable.isEmpty()) {
            feed.put("warnings", unparseable.stream()
                    .map(n -> n + " is not a SourceAFIS template; fingerprint duplicate check skipped for it").toList());
        }
        return new Verdict(PacketState.ACCEPTED, null, null, feed, serialised, basis);
    }

    /**
     * Inside the transaction that commits {@code v} (after its first write, so no other writer
     * can slip in): false when a record was accepted since the decision was made, by this process
     * or another, so the decision must be made again.
     */
    public boolean stillValid(Connection c, String packetId, Verdict v) throws SQLException {
        if (v.basis() == null || v.state() == PacketState.DUPLICATE) {
            return true; // a rejection does not depend on other records; more records never undo a duplicate
        }
        return TemplatesTable.watermark(c) == v.basis().templatesUpTo()
                && acceptedWithNik(c, packetId, v.basis().nik()).isEmpty();
    }

    /** Adds an accepted record's templates to the durable table (inside the caller's transaction). */
    public void storeTemplates(Connection c, String packetId, Map<Integer, byte[]> templates) throws SQLException {
        TemplatesTable.store(c, packetId, templates);
    }

    private Optional<String> acceptedWithNik(Database db, String packetId, String nik) {
        return db.query(NIK_SQL, rs -> rs.getString(1), nik, packetId).stream()
                .filter(first -> !exclusions.excluded(packetId, first)).findFirst();
    }

    private Optional<String> acceptedWithNik(Connection c, String packetId, String nik) throws SQLException {
        for (String first : Database.query(c, NIK_SQL, rs -> rs.getString(1), nik, packetId)) {
            if (!exclusions.excluded(packetId, first)) {
                return Optional.of(first);
            }
        }
        return Optional.empty();
    }

    private static final String NIK_SQL = "SELECT packet_id FROM packets WHERE nik=? AND packet_id<>? AND state IN "
            + "('accepted','print-ready') ORDER BY received_at, packet_id";

    private Verdict duplicate(String matchedBy, String firstPacketId, boolean fullNik,
                              Map<FingerPosition, byte[]> probes, Verdict.Basis basis) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("matchedBy", matchedBy);
        feed.put("duplicateOf", fields.otherRecord(firstPacketId, fullNik));
        List<Map<String, Object>> fingers = comparison.against(firstPacketId, probes, policy);
        if (!fingers.isEmpty()) {
            feed.put("fingers", fingers);
        }
        feed.put("matchThreshold", policy.scoreThreshold());
        String message = "same " + ("nik".equals(matchedBy) ? "NIK" : "fingerprints") + " as packet " + firstPacketId;
        return new Verdict(PacketState.DUPLICATE, "duplicate-" + matchedBy, message, feed, Map.of(), basis);
    }

    /** For an official: why, and each earlier record whose fingers match only at other positions. */
    private Verdict needsReview(Identification found, int exceptions, Station from, Verdict.Basis basis) {
        List<String> reasons = new ArrayList<>();
        if (found.tooManyExceptions()) {
            reasons.add(ReviewFindings.Reason.TOO_MANY_EXCEPTIONS.code());
        }
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (Identification.Candidate c : found.candidates()) {
            Map<String, Object> candidate = new LinkedHashMap<>();
            candidate.put("record", fields.otherRecord(c.personId(), fields.sameRegency(c.personId(), from)));
            candidate.put("fingers", VerdictFields.pairs(c, policy));
            candidates.add(candidate);
        }
        if (!candidates.isEmpty()) {
            reasons.add(ReviewFindings.Reason.CROSS_POSITION.code());
        }
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("reasons", reasons);
        feed.put("exceptions", exceptions);
        feed.put("candidates", candidates);
        feed.put("matchThreshold", policy.scoreThreshold());
        String message = "sent to review: " + String.join(", ", reasons)
                + (candidates.isEmpty() ? "" : " (" + candidates.size() + " earlier records)");
        return new Verdict(PacketState.NEEDS_REVIEW, "needs-review", message, feed, Map.of(), basis);
    }
}
