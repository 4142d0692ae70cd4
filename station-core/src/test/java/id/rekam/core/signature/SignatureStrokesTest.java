package id.rekam.core.signature;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignatureStrokesTest {

    /** Written by the desk's pad before the stroke model moved to the core; stored records hold this form. */
    private static final String AS_STORED = "{\"width\":640.0,\"height\":240.0,\"strokes\":["
            + "{\"points\":[{\"x\":10.0,\"y\":20.0,\"t\":0,\"p\":1.0},{\"x\":11.5,\"y\":21.25,\"t\":16,\"p\":1.0},"
            + "{\"x\":12.125,\"y\":22.0,\"t\":33,\"p\":1.0}]},{\"points\":[{\"x\":300.0,\"y\":40.0,\"t\":100,\"p\":1.0}]}]}";

    private static StrokeRecorder recorded() {
        StrokeRecorder r = new StrokeRecorder(640, 240);
        r.penDown(10, 20, 1000);
        r.penMove(11.5, 21.25, 1016);
        r.penMove(12.125, 22, 1033);
        r.penDown(300, 40, 1100);
        return r;
    }

    @Test
    void writesTheFormStoredRecordsHoldByteForByte() {
        assertThat(recorded().strokes().toJson()).isEqualTo(AS_STORED);
    }

    @Test
    void readsStoredRecords() {
        SignatureStrokes s = SignatureStrokes.fromJson(AS_STORED).orElseThrow();
        assertThat(s).isEqualTo(recorded().strokes());
        assertThat(s.width()).isEqualTo(640);
        assertThat(s.strokes()).hasSize(2);
        assertThat(s.strokes().get(0).points().get(1)).isEqualTo(new SignatureStrokes.Point(11.5, 21.25, 16, 1.0));
        assertThat(s.pointCount()).isEqualTo(4);
    }

    @Test
    void anEmptyArrayMeansNoVectorsWereKept() {
        assertThat(SignatureStrokes.fromJson(SignatureStrokes.NONE)).isEmpty();
        assertThat(SignatureStrokes.fromJson(" [ ] ")).isEmpty();
    }

    @Test
    void unknownMembersAreIgnored() {
        String extended = AS_STORED.replace("{\"width\"", "{\"device\":\"tablet\",\"width\"")
                .replace("\"p\":1.0}]},{", "\"p\":1.0,\"tilt\":3}]},{");
        assertThat(SignatureStrokes.fromJson(extended)).contains(recorded().strokes());
    }

    @Test
    void aPointWithoutPressureHasPressureOne() {
        assertThat(SignatureStrokes.fromJson("{\"width\":2,\"height\":2,\"strokes\":[{\"points\":[{\"x\":1,\"y\":1,\"t\":0}]}]}")
                .orElseThrow().strokes().get(0).points()).containsExactly(new SignatureStrokes.Point(1, 1, 0, 1.0));
    }

    @Test
    void recorderClampsToThePadAndTimesFromTheFirstPenDown() {
        StrokeRecorder r = new StrokeRecorder(400, 300);
        r.penMove(5, 5, 10); // no pen down yet: ignored
        assertThat(r.isEmpty()).isTrue();
        r.penDown(-4, 310, 5_000);
        r.penMove(450, 20, 5_016);
        assertThat(r.lastStroke()).containsExactly(new SignatureStrokes.Point(0, 300, 0, 1.0),
                new SignatureStrokes.Point(400, 20, 16, 1.0));
        assertThat(r.pointCount()).isEqualTo(2);
        r.clear();
        assertThat(r.isEmpty()).isTrue();
        assertThat(r.lastStroke()).isEmpty();
        r.penDown(1, 1, 9_000);
        assertThat(r.strokes().strokes().get(0).points().get(0).t()).as("a cleared pad starts its clock again").isZero();
    }

    @Test
    void malformedStrokesAreRefusedSayingWhatIsWrong() {
        assertThatThrownBy(() -> SignatureStrokes.fromJson("{")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> SignatureStrokes.fromJson("[[1,2,3]]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> SignatureStrokes.fromJson("{\"width\":1,\"height\":1}"))
                .hasMessageContaining("\"strokes\" must be an array");
        assertThatThrownBy(() -> SignatureStrokes.fromJson("{\"width\":1,\"height\":1,\"strokes\":[{\"points\":[]}]}"))
                .hasMessageContaining("at least one point");
        assertThatThrownBy(() -> SignatureStrokes.fromJson(
                "{\"width\":1,\"height\":1,\"strokes\":[{\"points\":[{\"x\":1,\"y\":1,\"t\":0.5,\"p\":1}]}]}"))
                .hasMessageContaining("t must be an integer");
        assertThatThrownBy(() -> SignatureStrokes.fromJson(
                "{\"width\":1,\"height\":1,\"strokes\":[{\"points\":[{\"x\":1,\"t\":0}]}]}"))
                .hasMessageContaining("\"y\" must be a number");
        assertThatThrownBy(() -> SignatureStrokes.fromJson("{\"width\":0,\"height\":1,\"strokes\":[]}"))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new SignatureStrokes.Point(1, 1, 0, 1.5)).hasMessageContaining("0..1");
    }

    @Property(tries = 200)
    void jsonRoundTrips(@ForAll("signatures") SignatureStrokes s) {
        assertThat(SignatureStrokes.fromJson(s.toJson())).contains(s);
    }

    @Provide
    Arbitrary<SignatureStrokes> signatures() {
        Arbitrary<SignatureStrokes.Point> point = Combinators.combine(
                Arbitraries.doubles().between(0, 640),
                Arbitraries.doubles().between(0, 240),
                Arbitraries.longs().between(0, 600_000),
                Arbitraries.doubles().between(0, 1)).as(SignatureStrokes.Point::new);
        Arbitrary<SignatureStrokes.Stroke> stroke = point.list().ofMinSize(1).ofMaxSize(30).map(SignatureStrokes.Stroke::new);
        return stroke.list().ofMaxSize(8).map((List<SignatureStrokes.Stroke> l) -> new SignatureStrokes(640, 240, l));
    }
}
