package id.rekam.server;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.identification.DuplicatePolicy;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.devices.fingerprint.synth.SyntheticPeople;
import id.rekam.server.packets.PacketState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's 1:N decision through the identification engine and {@link DuplicatePolicy#DEFAULT}
 * (issue 12), on SIMULATED ten-finger people: a re-enrolment is a {@code duplicate} with every
 * finger scored, fingers enrolled in another order and records with too many exceptions go to
 * {@code needs-review} (never a silent accept), a new person is accepted, and the index comes
 * back after a restart.
 */
class FingerprintDedupTest extends ServerTestBase {

    private final EnrollmentPackets packets = new EnrollmentPackets();

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private JsonNode deliver(TestStation station, EnrollmentRecord r) throws Exception {
        station.deliver(station.seal(packets.toPacket(r)), 1 << 20);
        List<JsonNode> feed = station.feed();
        JsonNode entry = feed.get(feed.size() - 1);
        assertThat(entry.get("packetId").asText()).isEqualTo(r.id().value());
        return entry;
    }

    @Test
    void aReenrolmentUnderAnotherNikIsADuplicateWithEveryFingerScoredAndANewPersonIsAccepted() throws Exception {
        start();
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestStation elsewhere = TestStation.enrolled(server, "53.71.02");
        EnrollmentRecord first = Records.person(101, station.stationId, 1, 0);
        assertThat(deliver(station, first).get("type").asText()).isEqualTo("accepted");

        EnrollmentRecord again = Records.person(102, station.stationId, 1, 1);
        assertThat(again.demographics().nik()).isNotEqualTo(first.demographics().nik());
        JsonNode dup = deliver(station, again);
        assertThat(dup.get("type").asText()).isEqualTo("duplicate");
        assertThat(dup.get("matchedBy").asText()).isEqualTo("fingerprint");
        assertThat(dup.get("duplicateOf").get("packetId").asText()).isEqualTo(first.id().value());
        assertThat(dup.get("duplicateOf").get("nik").asText()).isEqualTo(first.demographics().nik().value());
        assertThat(dup.get("matchThreshold").asDouble()).isEqualTo(DuplicatePolicy.DEFAULT.scoreThreshold());
        // Every position both records have, scored; at least the policy's three fingers match.
        assertThat(list(dup.get("fingers"))).hasSize(10)
                .extracting(f -> f.get("position").asInt()).isSorted();
        assertThat(list(dup.get("fingers"))).filteredOn(f -> f.get("matched").asBoolean())
                .hasSizeGreaterThanOrEqualTo(DuplicatePolicy.DEFAULT.fingersToMatch());

        // A new person is accepted, from another regency too.
        assertThat(deliver(elsewhere, Records.person(103, elsewhere.stationId, 2, 0)).get("type").asText())
                .isEqualTo("accepted");
        // The same person once more, from another regency: a duplicate whose NIK is masked there.
        JsonNode far = deliver(elsewhere, Records.person(104, elsewhere.stationId, 1, 2));
        assertThat(far.get("type").asText()).isEqualTo("duplicate");
        assertThat(far.get("duplicateOf").get("nikMasked").asBoolean()).isTrue();
        assertThat(far.get("duplicateOf").get("nik").asText()).isEqualTo(first.demographics().nik().masked());
        assertThat(server.indexedPeople()).isEqualTo(2);
    }

    @Test
    void fingersEnrolledInAnotherOrderGoToReviewNeverToASilentAccept() throws Exception {
        start();
        TestStation station = TestStation.enrolled(server, OFFICE);
        EnrollmentRecord first = Records.person(201, station.stationId, 3, 0);
        deliver(station, first);
        EnrollmentRecord rotated = Records.withPrints(202, station.stationId,
                SyntheticPeople.rotated(Records.PEOPLE.prints(3, 1)));

        JsonNode review = deliver(station, rotated);
        assertThat(review.get("type").asText()).isEqualTo("needs-review");
        assertThat(list(review.get("reasons"))).extracting(JsonNode::asText).containsExactly("cross-position");
        assertThat(review.get("exceptions").asInt()).isZero();
        assertThat(review.get("matchThreshold").asDouble()).isEqualTo(DuplicatePolicy.DEFAULT.scoreThreshold());
        JsonNode candidate = review.get("candidates").get(0);
        assertThat(candidate.get("record").get("packetId").asText()).isEqualTo(first.id().value());
        FingerPosition[] all = FingerPosition.values();
        assertThat(list(candidate.get("fingers"))).hasSizeGreaterThanOrEqualTo(DuplicatePolicy.DEFAULT
                .crossPositionFingersToMatch()).allSatisfy(f -> {
                    // each pair is the rotation: probe position = stored position + 1
                    FingerPosition probe = FingerPosition.ofIsoCode(f.get("position").asInt()).orElseThrow();
                    FingerPosition stored = FingerPosition.ofIsoCode(f.get("storedPosition").asInt()).orElseThrow();
                    assertThat(all[(stored.ordinal() + 1) % all.length]).isEqualTo(probe);
                    assertThat(f.get("matched").asBoolean()).isTrue();
                });

        // The packet view says the same, and the record is held: not indexed, not accepted.
        JsonNode view = TestStation.JSON.readTree(station.getJson("/v1/packets/" + rotated.id().value()).body());
        SchemaAssert.valid("api/packet-view", view);
        assertThat(view.get("state").asText()).isEqualTo("needs-review");
        assertThat(list(view.get("verdict").get("reasons"))).extracting(JsonNode::asText).containsExactly("cross-position");
        assertThat(server.admin().packets()).filteredOn(p -> p.packetId().equals(rotated.id().value()))
                .singleElement().satisfies(p -> assertThat(p.state()).isEqualTo(PacketState.NEEDS_REVIEW));
        assertThat(server.indexedPeople()).isEqualTo(1);
    }

    @Test
    void moreExceptionsThanThePolicyAllowsGoToReviewEvenWithoutAnyMatch() throws Exception {
        start();
        TestStation station = TestStation.enrolled(server, OFFICE);
        int allowed = DuplicatePolicy.DEFAULT.maxExceptions();
        EnrollmentRecord hidden = Records.withPrints(301, station.stationId,
                SyntheticPeople.first(Records.PEOPLE.prints(4, 0), 10 - allowed - 1));
        JsonNode review = deliver(station, hidden);
        assertThat(review.get("type").asText()).isEqualTo("needs-review");
        assertThat(list(review.get("reasons"))).extracting(JsonNode::asText).containsExactly("too-many-exceptions");
        assertThat(review.get("exceptions").asInt()).isEqualTo(allowed + 1);
        assertThat(review.get("candidates")).isEmpty();

        EnrollmentRecord atTheLimit = Records.withPrints(302, station.stationId,
                SyntheticPeople.first(Records.PEOPLE.prints(5, 0), 10 - allowed));
        assertThat(deliver(station, atTheLimit).get("type").asText()).isEqualTo("accepted");
    }

    @Test
    void aNikDuplicateCarriesEveryFingersScoreSoTwoPeopleSharingANikStandOut() throws Exception {
        start();
        TestStation station = TestStation.enrolled(server, OFFICE);
        EnrollmentRecord first = Records.person(401, station.stationId, 7, 0);
        deliver(station, first);
        JsonNode samePerson = deliver(station, Records.samePersonAs(first, Records.person(402, station.stationId, 7, 1)));
        assertThat(samePerson.get("type").asText()).isEqualTo("duplicate");
        assertThat(samePerson.get("matchedBy").asText()).isEqualTo("nik");
        assertThat(list(samePerson.get("fingers"))).hasSize(10)
                .filteredOn(f -> f.get("matched").asBoolean()).hasSizeGreaterThanOrEqualTo(8);
        JsonNode otherPerson = deliver(station, Records.samePersonAs(first, Records.person(403, station.stationId, 8, 0)));
        assertThat(otherPerson.get("matchedBy").asText()).isEqualTo("nik");
        assertThat(list(otherPerson.get("fingers"))).hasSize(10).noneMatch(f -> f.get("matched").asBoolean());
    }

    @Test
    void theIndexComesBackAfterARestart() throws Exception {
        ServerConfig.Builder config = ServerConfig.builder(dataDir);
        start(config);
        TestStation station = TestStation.enrolled(server, OFFICE);
        deliver(station, Records.person(501, station.stationId, 6, 0));
        deliver(station, Records.person(502, station.stationId, 9, 0));
        assertThat(server.indexedPeople()).isEqualTo(2);
        restart(config);
        station.attach(server);
        assertThat(server.indexedPeople()).isEqualTo(2);
        assertThat(deliver(station, Records.person(503, station.stationId, 6, 1)).get("type").asText())
                .isEqualTo("duplicate");
    }
}
