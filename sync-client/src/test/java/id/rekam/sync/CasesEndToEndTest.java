package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekam.core.auth.Role;
import id.rekam.core.cards.BatchCard;
import id.rekam.core.cards.BatchReceipt;
import id.rekam.core.cards.CardRegistry;
import id.rekam.core.cards.CardState;
import id.rekam.core.cases.CaseFile;
import id.rekam.core.cases.CaseSource;
import id.rekam.core.cases.CaseState;
import id.rekam.core.cases.CaseSummary;
import id.rekam.core.cases.Cases;
import id.rekam.core.cases.OutcomeRequest;
import id.rekam.core.cases.VoidReason;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.outbox.OutboxEvent;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.DeliveryStore;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;
import id.rekam.server.http.ApiException;
import id.rekam.server.schema.JsonSchemas;
import id.rekam.sync.api.CentralApi;
import id.rekam.sync.http.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13 end to end, station store → sync client → reference server → feed → station: a server
 * {@code duplicate} opens a case; the citizen comes, an operator prepares "same person", a second
 * person confirms; the outcome travels once as a signed-request event; the server voids the other
 * record ({@code voided-duplicate}), accepts the one that stays, and says so in a signed feed
 * entry; the voided record's card is on the destruction list. A case the server assigns arrives
 * signed — also to a sync service running without the passphrase, which keeps it for the next
 * unlock; "different people" makes the server remember the pair and refuse to raise it again. Every
 * message on the wire follows its schema; duplicate and conflicting events change nothing.
 */
class CasesEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SyncTestKit kit;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    private SyncService sync(WireSchemasTest.SchemaCheck check) {
        SyncConfig config = SyncTestKit.fastConfig(kit.server.baseUri());
        return new SyncService(kit.store, config, Clock.systemUTC(), id.rekam.sync.retry.Backoff.threadLocalRandom(),
                new Messages(Locale.ENGLISH), HttpClients.builder(config, kit.store.stationId(), kit.store::signRequest,
                Clock.systemUTC()).addNetworkInterceptor(check).build());
    }

    private <T> List<T> serverQuery(String sql, Mapper<T> m, Object... args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + kit.serverDir.resolve("server.db"));
             PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(m.map(rs));
                }
            }
            return out;
        }
    }

    interface Mapper<T> {
        T map(ResultSet rs) throws Exception;
    }

    private String state(String packetId) throws Exception {
        return serverQuery("SELECT state FROM packets WHERE packet_id=?", rs -> rs.getString(1), packetId).get(0);
    }

    @Test
    void aServerDuplicateBecomesACaseWhoseOutcomeVoidsTheOtherRecordOnTheServerExactlyOnce() throws Exception {
        kit = SyncTestKit.start(dir);
        assertThat(kit.store.serverTrust().orElseThrow().keys()).as("pinned at enrollment: the key of every feed entry")
                .isNotNull();
        WireSchemasTest.SchemaCheck check = new WireSchemasTest.SchemaCheck();
        Cases cases = new Cases(kit.store);
        List<OutboxEvent> sent;
        String first = kit.capture(1, 71, true).get(0);
        EnrollmentRecord person = new DemoRecords(71, SyncTestKit.VILLAGE, SyncTestKit.STATION).next();
        kit.store.operators().createAccount("spv", "op1", Role.OPERATOR, "operator-1!".toCharArray());
        kit.store.operators().createAccount("spv", "spv2", Role.SUPERVISOR, "rahasia-spv-2".toCharArray());
        // The first record's card was printed and is in the office.
        new CardRegistry(kit.store).receiveBatch(new BatchReceipt("B-CASE-1", 1,
                List.of(BatchCard.of("KTP-CASE-0001", person.demographics().nik().value())), "spv", "Saksi"));

        try (SyncService sync = sync(check)) {
            kit.pass(sync);
            // The same person recorded again (they moved here): the server says duplicate, by NIK.
            EnrollmentRecord other = new DemoRecords(72, SyncTestKit.VILLAGE, SyncTestKit.STATION).next();
            String again = kit.store.saveEnrollment(EnrollmentBuilder.from(SyncTestKit.shrink(other,
                    new java.util.Random(72))).demographics(person.demographics()).build()).packetId();
            kit.store.outbox().approve(List.of(again), "spv");
            kit.store.outbox().enqueue(List.of(again), "spv");
            kit.pass(sync);
            assertThat(kit.store.outbox().entry(again).orElseThrow().state()).isEqualTo(OutboxState.DUPLICATE);

            List<CaseSummary> open = cases.list(true);
            assertThat(open).singleElement().satisfies(c -> assertThat(c.source()).isEqualTo(CaseSource.SERVER_VERDICT));
            CaseFile c = cases.find(open.get(0).id()).orElseThrow();
            assertThat(c.first().registrationId()).isEqualTo(first);
            assertThat(c.second().registrationId()).isEqualTo(again);

            // The demo records' templates are random bytes: the match cannot be made, a supervisor vouches.
            cases.decisions().prepare(c.id(), OutcomeRequest.samePerson(again, VoidReason.MOVED_AWAY, null, null)
                    .withException(new OutcomeRequest.SupervisorException("spv", "rahasia-spv".toCharArray(),
                            "templat demo tidak dapat dicocokkan; KK dan KTP lama diperiksa")), "op1");
            String eventId = cases.decisions().confirm(c.id(), "spv2", "rahasia-spv-2".toCharArray()).eventId();
            assertThat(new CardRegistry(kit.store).require("KTP-CASE-0001").state()).isEqualTo(CardState.INVALID);
            sent = kit.store.events().pending(1_000).stream().filter(e -> e.type().equals("case.outcome"))
                    .collect(java.util.stream.Collectors.toList());
            assertThat(sent).singleElement().satisfies(e -> assertThat(e.id()).isEqualTo(eventId));

            kit.pass(sync);
            // On the server: the event once, the voided record out, the kept record accepted.
            assertThat(serverQuery("SELECT count(*) FROM events WHERE type='case.outcome'", rs -> rs.getInt(1)))
                    .containsExactly(1);
            assertThat(state(first)).isEqualTo("voided-duplicate");
            assertThat(state(again)).isEqualTo("accepted");
            assertThat(serverQuery("SELECT status FROM case_outcomes WHERE event_id=?", rs -> rs.getString(1), eventId))
                    .containsExactly("applied");
            assertThat(serverQuery("SELECT payload FROM events WHERE type='card.destruction.registered'",
                    rs -> rs.getString(1))).anySatisfy(p -> assertThat(p).contains("KTP-CASE-0001", "DUPLICATE"));
            // The signed feed entry told the station.
            CaseFile after = cases.find(c.id()).orElseThrow();
            assertThat(after.state()).isEqualTo(CaseState.CLOSED);
            assertThat(after.server()).isNotNull();
            assertThat(after.server().status()).isEqualTo("applied");

            // Duplicate events: another pass sends nothing; the same event sent again is stored once and applied once.
            kit.pass(sync);
            CentralApi api = new CentralApi(HttpClients.builder(SyncTestKit.fastConfig(kit.server.baseUri()),
                    kit.store.stationId(), kit.store::signRequest, Clock.systemUTC()).addNetworkInterceptor(check).build(),
                    kit.server.baseUri(), new id.rekam.sync.api.ServerVerifier(kit.store.stationId(),
                    () -> kit.store.serverTrust().orElseThrow().keys().signingKey()));
            assertThat(kit.store.events().pending(1_000)).isEmpty();
            assertThat(api.events(sent)).containsEntry(eventId, "stored");
            assertThat(serverQuery("SELECT count(*) FROM case_outcomes", rs -> rs.getInt(1))).containsExactly(1);
            assertThat(serverQuery("SELECT count(*) FROM feedback WHERE type='case-resolved'", rs -> rs.getInt(1)))
                    .containsExactly(1);
            // Same id, other content: a conflict, applied never.
            OutboxEvent original = sent.get(0);
            OutboxEvent forged = new OutboxEvent(eventId, original.type(), original.jsonPayload().replace("moved-away",
                    "suspected-fraud"), original.createdAt(), original.state());
            assertThat(api.events(List.of(forged))).containsEntry(eventId, "conflict");
            assertThat(serverQuery("SELECT count(*) FROM case_outcomes", rs -> rs.getInt(1))).containsExactly(1);
        }
        assertThat(check.problems).isEmpty();
        assertThat(check.used).containsKeys("api/events-request", "api/feed-page");
        for (OutboxEvent e : sent) {
            JsonNode envelope = JSON.createObjectNode().put("eventId", e.id()).put("type", e.type())
                    .put("occurredAt", e.createdAt().toString()).set("payload", JSON.readTree(e.jsonPayload()));
            assertThat(JsonSchemas.problems("events/event", envelope)).as(envelope.toString()).isEmpty();
            assertThat(e.jsonPayload()).doesNotContain(person.demographics().nik().value(),
                    person.demographics().fullName());
        }
    }

    @Test
    void anAssignedCaseArrivesSignedAndDifferentPeopleAreNeverRaisedAgain() throws Exception {
        kit = SyncTestKit.start(dir);
        WireSchemasTest.SchemaCheck check = new WireSchemasTest.SchemaCheck();
        Cases cases = new Cases(kit.store);
        List<String> ids = kit.capture(2, 81, true);
        kit.store.operators().createAccount("spv", "op1", Role.OPERATOR, "operator-1!".toCharArray());
        try (SyncService sync = sync(check)) {
            kit.pass(sync);
            // A district officer looking at look-alike records assigns the pair to this desk.
            var assigned = kit.server.cases().assigner().assign(ids.get(0), ids.get(1), null, "needs-review", null);
            assertThat(assigned.stationId()).isEqualTo(SyncTestKit.STATION);
            assertThatThrownBy(() -> kit.server.cases().assigner().assign(ids.get(0), ids.get(1), null, "x", null))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("case-exists"));
            assertThatThrownBy(() -> kit.server.cases().assigner().assign(ids.get(0), "no-such-record", null, "x", null))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("packet-not-found"));
            kit.pass(sync);
            CaseSummary s = cases.list(true).get(0);
            assertThat(s.source()).isEqualTo(CaseSource.SERVER_ASSIGNED);
            CaseFile c = cases.find(s.id()).orElseThrow();
            assertThat(c.serverCaseId()).isEqualTo(assigned.caseId());

            cases.decisions().prepare(c.id(), OutcomeRequest.differentPeople(ids.get(0), "kembar, KK berbeda", null)
                    .withException(new OutcomeRequest.SupervisorException("spv", "rahasia-spv".toCharArray(),
                            "templat demo; dicocokkan dengan KK")), "op1");
            cases.decisions().confirm(c.id(), "spv", "rahasia-spv".toCharArray());
            kit.pass(sync);
            assertThat(serverQuery("SELECT count(*) FROM false_match_pairs", rs -> rs.getInt(1))).containsExactly(1);
            assertThat(serverQuery("SELECT state, outcome FROM cases", rs -> rs.getString(1) + "/" + rs.getString(2)))
                    .containsExactly("closed/different-people");
            assertThat(cases.find(c.id()).orElseThrow().server().status()).isEqualTo("applied");
        }
        // The same pair is never raised again: neither assigned nor listed by a district sweep.
        assertThat(kit.server.cases().assigner().assignDuplicates(null).assigned()).isEmpty();
        assertThatThrownBy(() -> kit.server.cases().assigner().assign(ids.get(1), ids.get(0), null, "x", null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isIn("false-match-pair",
                        "case-exists"));
        assertThat(check.problems).isEmpty();
    }

    @Test
    void aCaseAssignedWhileTheSyncServiceRunsLockedOpensExactlyOnceAfterTheUnlock() throws Exception {
        kit = SyncTestKit.start(dir);
        WireSchemasTest.SchemaCheck check = new WireSchemasTest.SchemaCheck();
        List<String> ids = kit.capture(2, 86, true);
        try (SyncService sync = sync(check)) {
            kit.pass(sync);
        }
        kit.closeStore();
        var assigned = kit.server.cases().assigner().assign(ids.get(0), ids.get(1), null, "duplicate", null);
        // The station is shut down; the sync service runs without the passphrase and reads the feed.
        try (DeliveryStore locked = DeliveryStore.open(kit.stationDir);
             SyncService sync = SyncService.locked(locked, TransportKey.load(kit.keyDir),
                     SyncTestKit.fastConfig(kit.server.baseUri()), Clock.systemUTC(),
                     id.rekam.sync.retry.Backoff.threadLocalRandom(), new Messages(Locale.ENGLISH))) {
            sync.runOnce();
            sync.runOnce();
        }
        // Unlocked: the fold verifies what the service kept against the pinned key and hands the case entry on.
        kit.reopenStore();
        assertThat(kit.store.delivery().heldEntries()).as("kept while locked, once").singleElement()
                .satisfies(h -> assertThat(h.entry().path("caseId").asText()).isEqualTo(assigned.caseId()));
        try (SyncService sync = sync(check)) {
            kit.pass(sync);
            kit.pass(sync);
        }
        Cases cases = new Cases(kit.store);
        assertThat(cases.takeLocalSources()).isEmpty();
        assertThat(cases.list(false)).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo(CaseSource.SERVER_ASSIGNED);
            assertThat(cases.find(s.id()).orElseThrow().serverCaseId()).isEqualTo(assigned.caseId());
        });
        assertThat(kit.store.delivery().heldEntries()).isEmpty();
        assertThat(kit.store.auditTrail(0, 100_000)).filteredOn(e -> e.action().equals("CASE_OPENED")).hasSize(1);
        assertThat(check.problems).isEmpty();
    }

    @Test
    void anOutcomeForARecordTheServerDoesNotKnowWaitsAndAnAnswerForACaseTheStationLacksChangesNothing()
            throws Exception {
        kit = SyncTestKit.start(dir);
        List<String> ids = kit.capture(1, 91, true);
        String unknown = "0d2c6c52-1111-4000-8000-0000000000ff";
        String caseId = "5b1e7f7c-2222-4333-8444-555566667777";
        kit.store.events().append("case.outcome", JSON.writeValueAsString(Map.of("caseId", caseId,
                "source", "STATION_OVERRIDE", "reason", "override", "records", List.of(ids.get(0), unknown),
                "outcome", "same-person", "kept", ids.get(0), "voided", unknown, "voidReason", "recorded-twice",
                "invitations", List.of(), "cards", List.of())), "spv");
        try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()))) {
            kit.pass(sync);
        }
        assertThat(serverQuery("SELECT status || '/' || code FROM case_outcomes", rs -> rs.getString(1)))
                .containsExactly("waiting/unknown-record");
        // The station has no such case: the signed answer is taken note of and changes nothing.
        assertThat(new Cases(kit.store).list(false)).isEmpty();
        assertThat(state(ids.get(0))).isEqualTo("accepted");
    }
}
