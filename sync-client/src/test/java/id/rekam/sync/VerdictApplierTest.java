package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.sync.api.ServerState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Feed entries (protocol §6) become the store's verdicts whole: nothing flattened, nothing masked. */
class VerdictApplierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"'));
    }

    @Test
    void aFingerprintDuplicateKeepsTheOtherRecordAndEveryFingersScore() throws Exception {
        JsonNode entry = json("{'cursor':'18','type':'duplicate','packetId':'p','at':'2026-11-25T04:00:00Z',"
                + "'matchedBy':'fingerprint','duplicateOf':{'packetId':'5f0c9a52-8a9e-4d43-9d7b-1f6a3c2b9e10',"
                + "'stationId':'ST-327601-0001','office':'32.76.01','nik':'3276014509870001','nikMasked':false,"
                + "'receivedAt':'2026-10-01T02:00:00Z'},'fingers':[{'position':1,'score':187.3,'matched':true},"
                + "{'position':7,'score':3.5,'matched':false},{'position':11,'score':99}],'matchThreshold':40}");
        ServerVerdict v = VerdictApplier.verdict(ServerState.DUPLICATE, entry);
        assertThat(v).isEqualTo(new ServerVerdict.Duplicate(Instant.parse("2026-11-25T04:00:00Z"),
                ServerVerdict.MatchedBy.FINGERPRINT,
                new ServerVerdict.OtherRecord("5f0c9a52-8a9e-4d43-9d7b-1f6a3c2b9e10", "ST-327601-0001", "32.76.01",
                        "3276014509870001", false, Instant.parse("2026-10-01T02:00:00Z")),
                List.of(new ServerVerdict.FingerScore(FingerPosition.RIGHT_THUMB, 187.3, true),
                        new ServerVerdict.FingerScore(FingerPosition.LEFT_INDEX, 3.5, false)), 40.0));
    }

    @Test
    void anOlderServersDuplicateListedOnlyMatchingFingersAndMayMaskTheNik() throws Exception {
        JsonNode entry = json("{'type':'duplicate','matchedBy':'fingerprint','duplicateOf':{'packetId':'x',"
                + "'stationId':'ST-537102-0001','nik':'537102******0003','nikMasked':true},"
                + "'fingers':[{'position':2,'score':61.0}]}");
        ServerVerdict.Duplicate d = (ServerVerdict.Duplicate) VerdictApplier.verdict(ServerState.DUPLICATE, entry);
        assertThat(d.fingers()).containsExactly(new ServerVerdict.FingerScore(FingerPosition.RIGHT_INDEX, 61.0, true));
        assertThat(d.other().nik()).isEqualTo("537102******0003");
        assertThat(d.other().fullNik()).isEmpty();
        assertThat(d.matchThreshold()).isNull();
        assertThat(d.at()).isNull();
    }

    @Test
    void aNeedsReviewKeepsItsReasonsAndEachCandidatesFingerPairsAcrossPositions() throws Exception {
        JsonNode entry = json("{'cursor':'21','type':'needs-review','packetId':'p','at':'2026-11-25T04:00:00Z',"
                + "'reasons':['cross-position','too-many-exceptions'],'exceptions':5,"
                + "'candidates':[{'record':{'packetId':'5f0c9a52-8a9e-4d43-9d7b-1f6a3c2b9e10','stationId':'ST-327601-0001',"
                + "'office':'32.76.01','nik':'327601******0001','nikMasked':true,'receivedAt':'2026-10-01T02:00:00Z'},"
                + "'fingers':[{'position':1,'storedPosition':2,'score':143.2,'matched':true},"
                + "{'position':6,'storedPosition':6,'score':88.0,'matched':true}]}],'matchThreshold':60}");
        ServerVerdict v = VerdictApplier.verdict(ServerState.NEEDS_REVIEW, entry);
        assertThat(v).isEqualTo(new ServerVerdict.NeedsReview(Instant.parse("2026-11-25T04:00:00Z"),
                List.of("cross-position", "too-many-exceptions"), List.of(new ServerVerdict.ReviewCandidate(
                        new ServerVerdict.OtherRecord("5f0c9a52-8a9e-4d43-9d7b-1f6a3c2b9e10", "ST-327601-0001",
                                "32.76.01", "327601******0001", true, Instant.parse("2026-10-01T02:00:00Z")),
                        List.of(new ServerVerdict.FingerScore(FingerPosition.RIGHT_THUMB, 143.2, true,
                                        FingerPosition.RIGHT_INDEX),
                                new ServerVerdict.FingerScore(FingerPosition.LEFT_THUMB, 88.0, true)))), 5, 60.0));
        assertThat(v.state()).isEqualTo(id.rekam.core.outbox.OutboxState.SERVER_REVIEW);
        // Only the exception count: no candidates, and nothing invented.
        ServerVerdict.NeedsReview bare = (ServerVerdict.NeedsReview) VerdictApplier.verdict(ServerState.NEEDS_REVIEW,
                json("{'reasons':['too-many-exceptions']}"));
        assertThat(bare.candidates()).isEmpty();
        assertThat(bare.exceptions()).isNull();
        assertThat(ServerState.fromWire("needs-review")).isEqualTo(ServerState.NEEDS_REVIEW);
    }

    @Test
    void rejectionsKeepCodeAndMessageAndAcceptedItsWarnings() throws Exception {
        assertThat(VerdictApplier.verdict(ServerState.REJECTED, json("{'reason':{'code':'unparseable-template',"
                + "'message':'not SourceAFIS templates: finger-01.tpl'}}")))
                .isEqualTo(new ServerVerdict.Rejected(null, "unparseable-template", "not SourceAFIS templates: finger-01.tpl"));
        assertThat(VerdictApplier.verdict(ServerState.REJECTED, json("{}")))
                .isEqualTo(new ServerVerdict.Rejected(null, "unknown", null));
        assertThat(VerdictApplier.verdict(ServerState.ACCEPTED, json("{'warnings':['finger-03.tpl skipped']}")))
                .isEqualTo(new ServerVerdict.Accepted(null, List.of("finger-03.tpl skipped")));
        assertThat(VerdictApplier.verdict(ServerState.PRINT_READY, json("{'at':'2026-11-26T01:00:00Z'}")))
                .isEqualTo(new ServerVerdict.PrintReady(Instant.parse("2026-11-26T01:00:00Z")));
    }
}
