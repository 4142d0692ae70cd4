package id.rekam.core.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.cards.CardFixtures;
import id.rekam.core.store.TestStores;
import id.rekam.core.trust.Ed25519Raw;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.SignedJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's case entries: acted on only when signed by the pinned server signing key for this station. */
class CaseFeedTest {

    static final String NIK = "3310214505900001";
    static final String A = "7c1e3a52-1111-4000-8000-00000000000a";
    static final String B = "7c1e3a52-1111-4000-8000-00000000000b";

    @TempDir
    Path dir;
    CaseFixtures f;

    @BeforeEach
    void open() {
        f = new CaseFixtures(dir);
    }

    @AfterEach
    void close() {
        f.store.close();
    }

    @Test
    void anAssignedCaseForRecordsHeldElsewhereOpensWithTheCitizenAndTemplatesTheServerSent() {
        f.pin();
        ObjectNode entry = f.assignment("srv-case-1", TestStores.STATION, A, B, NIK);

        CaseIntake.Result r = f.cases.feed().accept(entry);
        assertThat(r.status()).isEqualTo(CaseIntake.Status.OPENED);
        assertThat(f.cases.feed().accept(entry).status()).isEqualTo(CaseIntake.Status.ALREADY_TAKEN);

        CaseFile c = f.cases.find(r.caseId()).orElseThrow();
        assertThat(c.source()).isEqualTo(CaseSource.SERVER_ASSIGNED);
        assertThat(c.serverCaseId()).isEqualTo("srv-case-1");
        assertThat(c.first().holding()).isEqualTo(CaseRecord.Holding.NOT_HELD);
        assertThat(c.first().fullName()).isEqualTo("Sri Wahyuni");
        assertThat(c.villageCode()).isEqualTo("33.10.21.2007");
        // The server's deadline is earlier than the station's own two weeks: it wins.
        assertThat(c.deadline()).isEqualTo(java.time.Instant.parse("2026-12-01T00:00:00Z"));
        // "SRI  WAHYUNI" is the same name; the streets differ.
        assertThat(c.differences()).containsExactly(FieldDifference.ADDRESS);
        // The templates came with the case: the in-person match works with neither record held here.
        PreparedOutcome p = f.cases.decisions().prepare(c.id(),
                OutcomeRequest.samePerson(B, VoidReason.MOVED_AWAY, null, CardFixtures.Prints.PROBE), "op1");
        assertThat(p.check().method()).isEqualTo(InPersonCheck.Method.FINGERPRINT);
    }

    @Test
    void unsignedForgedReplayedOrUnpinnedAssignmentsChangeNothing() {
        ObjectNode entry = f.assignment("srv-case-2", TestStores.STATION, A, B, NIK);
        assertThat(f.cases.feed().accept(entry).detail()).isEqualTo("no-server-key");
        f.pin();
        ObjectNode forged = entry.deepCopy();
        ((ObjectNode) forged.get("records").get(1)).put("packetId", "7c1e3a52-1111-4000-8000-0000000000ff");
        assertThat(f.cases.feed().accept(forged).detail()).isEqualTo("bad-signature");
        ObjectNode unsigned = entry.deepCopy();
        unsigned.remove(SignedJson.SIG);
        assertThat(f.cases.feed().accept(unsigned).detail()).isEqualTo("bad-signature");
        // Signed for another desk: not this station's case.
        assertThat(f.cases.feed().accept(f.assignment("srv-case-3", "ST-331001-0009", A, B, NIK)).detail())
                .isEqualTo("bad-signature");
        // Signed with another key (a server this station never pinned, or a signed answer of another purpose).
        ObjectNode impostor = SignedJson.sign(Ed25519Raw.newSeed(), SignedJson.Purpose.FEED_ENTRY, TestStores.STATION,
                entry);
        assertThat(f.cases.feed().accept(impostor).detail()).isEqualTo("bad-signature");
        ObjectNode asVerdict = SignedJson.sign(f.serverSeed, SignedJson.Purpose.VERDICT, TestStores.STATION, entry);
        assertThat(f.cases.feed().accept(asVerdict).detail()).isEqualTo("bad-signature");
        assertThat(f.count("SELECT count(*) FROM cases")).isZero();
        // A record this station does not hold, described without a citizen: nothing to act on.
        ObjectNode bare = f.assignment("srv-case-4", TestStores.STATION, A, B, NIK);
        ((ObjectNode) bare.get("records").get(0)).remove("citizen");
        bare = f.signed(TestStores.STATION, bare);
        assertThat(f.cases.feed().accept(bare).detail()).isEqualTo("unknown-record");
        assertThat(f.count("SELECT count(*) FROM cases")).isZero();
    }

    @Test
    void afterTheServerKeysAreReplacedOnlyTheNewKeysWordIsTaken() {
        f.pin();
        ObjectNode before = f.assignment("srv-case-5", TestStores.STATION, A, B, NIK);
        // Re-provisioned: the one key every answer is signed with changes, for case entries too.
        byte[] newSeed = Ed25519Raw.newSeed();
        var pinned = f.store.serverTrust().orElseThrow();
        f.store.pinServer(pinned.withKeys(new ServerKeys(Ed25519Raw.publicKey(newSeed), pinned.keys().packetKey()),
                CaseFixtures.START), "technician");
        assertThat(f.cases.feed().accept(before).detail()).isEqualTo("bad-signature");
        ObjectNode after = SignedJson.sign(newSeed, SignedJson.Purpose.FEED_ENTRY, TestStores.STATION, before);
        assertThat(f.cases.feed().accept(after).status()).isEqualTo(CaseIntake.Status.OPENED);
    }

    @Test
    void theServersAnswerToAnOutcomeIsRecordedOnceWhenSigned() {
        f.pin();
        CaseFile c = f.overrideCase();
        f.cases.decisions().prepare(c.id(), OutcomeRequest.differentPeople(c.first().registrationId(), null,
                CardFixtures.Prints.PROBE), "op1");
        String event = f.cases.decisions().confirm(c.id(), "spv", CaseFixtures.SPV).eventId();
        ObjectNode resolved = CaseFixtures.JSON.createObjectNode();
        resolved.put("cursor", "77").put("type", "case-resolved").put("at", "2026-11-26T01:00:00Z")
                .put("caseId", c.id()).put("eventId", event).put("status", "applied");
        ObjectNode unsigned = resolved.deepCopy();
        assertThat(f.cases.feed().accept(unsigned).status()).isEqualTo(CaseIntake.Status.REFUSED);
        resolved = f.signed(TestStores.STATION, resolved);
        assertThat(f.cases.feed().accept(resolved).status()).isEqualTo(CaseIntake.Status.OPENED);
        assertThat(f.cases.feed().accept(resolved).status()).isEqualTo(CaseIntake.Status.ALREADY_TAKEN);
        CaseFile after = f.cases.find(c.id()).orElseThrow();
        assertThat(after.server().status()).isEqualTo("applied");
        assertThat(after.state()).isEqualTo(CaseState.CLOSED);
        assertThat(after.history()).extracting(HistoryEntry::action).endsWith(CaseAction.SERVER_ACKNOWLEDGED);
    }
}
