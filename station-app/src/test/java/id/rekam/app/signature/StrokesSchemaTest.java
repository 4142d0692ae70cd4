package id.rekam.app.signature;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekam.core.signature.StrokeRecorder;
import id.rekam.server.schema.JsonSchemas;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature-strokes.json part of a packet is what the pad's recorder (the core's
 * {@link StrokeRecorder}) writes: it must follow docs/schemas/packet/signature-strokes.schema.json,
 * which third parties read.
 */
class StrokesSchemaTest {

    @Test
    void strokesAsThePadWritesThemFollowThePublishedSchema() throws Exception {
        StrokeRecorder strokes = new StrokeRecorder(640, 240);
        strokes.penDown(10, 20, 1_000);
        strokes.penMove(12.5, 21.25, 1_016);
        strokes.penMove(30, 40, 1_032);
        strokes.penDown(100, 20, 1_500);
        strokes.penMove(101, 60, 1_516);

        String json = strokes.strokes().toJson();

        assertThat(JsonSchemas.problems("packet/signature-strokes", new ObjectMapper().readTree(json))).isEmpty();
        assertThat(JsonSchemas.problems("packet/signature-strokes", new ObjectMapper().readTree(
                json.replace("\"t\":16", "\"t\":-16")))).as("the schema does judge the points").isNotEmpty();
    }
}
