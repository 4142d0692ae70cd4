package id.rekam.core.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.auth.Role;
import id.rekam.core.cards.CardFixtures;
import id.rekam.core.commit.ApprovalMode;
import id.rekam.core.commit.CaptureCommit;
import id.rekam.core.commit.DuplicateOverride;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.TestStores;
import id.rekam.core.trust.Ed25519Raw;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.ServerTrust;
import id.rekam.core.trust.SignedJson;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A store with a clock, three accounts (two supervisors, one operator), people recorded twice
 * with real SourceAFIS templates, and a central server (its signing key signs the feed entries).
 */
final class CaseFixtures {

    static final Instant START = Instant.parse("2026-11-25T03:00:00Z");
    static final char[] SPV = "rahasia-spv".toCharArray();
    static final char[] SPV2 = "rahasia-spv-2".toCharArray();
    static final char[] OP = "operator-1!".toCharArray();
    static final ObjectMapper JSON = new ObjectMapper();

    final TestStores.MutableClock clock = new TestStores.MutableClock(START);
    final StationStore store;
    final Cases cases;
    final DemoRecords demo = TestStores.demo(13);
    final byte[] serverSeed = Ed25519Raw.newSeed();

    CaseFixtures(Path dir) {
        store = TestStores.create(dir, TestStores.fastOptions(clock));
        store.operators().createFirstSupervisor("spv", SPV);
        store.operators().createAccount("spv", "spv2", Role.SUPERVISOR, SPV2);
        store.operators().createAccount("spv", "op1", Role.OPERATOR, OP);
        cases = new Cases(store);
    }

    /** Two records of one person: the earlier one, then one saved under a supervisor's override naming it. */
    record Pair(EnrollmentRecord first, EnrollmentRecord second) {
        String firstId() {
            return first.id().value();
        }

        String secondId() {
            return second.id().value();
        }
    }

    Pair overriddenPair() {
        EnrollmentRecord first = withPrint(demo.next(), CardFixtures.Prints.MATCHING);
        store.saveEnrollment(first);
        clock.advance(java.time.Duration.ofMinutes(5));
        EnrollmentRecord second = EnrollmentBuilder.from(withPrint(demo.next(), CardFixtures.Prints.PROBE))
                .demographics(first.demographics()).build();
        DuplicateOverride o = new DuplicateOverride("spv", "warga pindah dari Bekasi, membawa surat pindah",
                List.of(new DuplicateOverride.Candidate(first.id(), List.of(
                        new ServerVerdict.FingerScore(FingerPosition.RIGHT_INDEX, 88.4, true)))));
        store.captures().commit(CaptureCommit.of(second, ApprovalMode.END_OF_DAY).withOverride(o));
        return new Pair(first, second);
    }

    /** A record of this station, right index = the given template, the other fingers exceptions. */
    EnrollmentRecord recorded(byte[] template) {
        EnrollmentRecord r = withPrint(demo.next(), template);
        store.saveEnrollment(r);
        clock.advance(java.time.Duration.ofMinutes(1));
        return r;
    }

    static EnrollmentRecord withPrint(EnrollmentRecord r, byte[] template) {
        return EnrollmentBuilder.from(r).operatorId("op1")
                .onlyPrints(Map.of(FingerPosition.RIGHT_INDEX, template), new byte[] {1}, "PNG", 80).build();
    }

    CaseFile overrideCase() {
        overriddenPair();
        List<CaseIntake.Result> r = cases.takeLocalSources();
        return cases.find(r.get(0).caseId()).orElseThrow();
    }

    /** Pins the central server, as enrollment does: its signing key in {@code server_trust}. */
    void pin() {
        store.pinServer(trust(), "technician");
    }

    ServerTrust trust() {
        return new ServerTrust(URI.create("http://127.0.0.1:8080/"), null,
                new ServerKeys(Ed25519Raw.publicKey(serverSeed), id.rekam.core.crypto.PacketSeal.newServerKeyPair()[1]),
                START);
    }

    /** Signs a feed entry as the reference server serves it (docs/sync-protocol.md §3.1). */
    ObjectNode signed(String stationId, ObjectNode entry) {
        return SignedJson.sign(serverSeed, SignedJson.Purpose.FEED_ENTRY, stationId, entry);
    }

    /** A signed {@code case-assigned} entry for two records held elsewhere, as the reference server serves it. */
    ObjectNode assignment(String serverCaseId, String stationId, String firstId, String secondId, String nik) {
        ObjectNode e = JSON.createObjectNode();
        e.put("cursor", "41");
        e.put("type", "case-assigned");
        e.put("at", "2026-11-25T02:00:00Z");
        e.put("caseId", serverCaseId);
        e.put("reason", "duplicate");
        e.put("matchedBy", "fingerprint");
        ArrayNode records = e.putArray("records");
        records.add(record(firstId, "ST-331001-0001", nik, "Sri Wahyuni", "Jl. Pemuda 3"));
        records.add(record(secondId, "ST-337105-0002", nik, "SRI  WAHYUNI", "Jl. Merapi 12"));
        ArrayNode fingers = e.putArray("fingers");
        fingers.addObject().put("position", 2).put("score", 151.2).put("matched", true);
        e.put("matchThreshold", 40.0);
        e.put("deadline", "2026-12-01T00:00:00Z");
        return signed(stationId, e);
    }

    private ObjectNode record(String id, String station, String nik, String name, String street) {
        ObjectNode r = JSON.createObjectNode();
        r.put("packetId", id);
        r.put("stationId", station);
        r.put("office", "33.10.21");
        r.put("nik", nik);
        r.put("nikMasked", false);
        r.put("receivedAt", "2026-06-01T02:00:00Z");
        ObjectNode c = r.putObject("citizen");
        c.put("fullName", name);
        c.put("birthPlace", "Klaten");
        c.put("birthDate", "1990-05-05");
        c.put("gender", "PEREMPUAN");
        ObjectNode a = c.putObject("address");
        a.put("street", street);
        a.put("rt", "001");
        a.put("rw", "002");
        a.put("villageCode", "33.10.21.2007");
        a.put("villageName", "Tlogowatu");
        a.put("districtName", "Kemalang");
        a.put("regencyName", "Kabupaten Klaten");
        r.putObject("templates").put("2", Base64.getEncoder().encodeToString(CardFixtures.Prints.MATCHING));
        return r;
    }

    long count(String sql, Object... args) {
        return store.read(tx -> {
            try (PreparedStatement p = tx.connection().prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    p.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    static RegistrationId id(String s) {
        return new RegistrationId(s);
    }
}
