package id.rekam.app.signature;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekam.server.schema.JsonSchemas;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature-strokes.json part of a packet is what the pad's {@link Strokes} write: it must
 * follow docs/schemas/packet/signature-strokes.schema.json, which third parties read.
 */
class StrokesSchemaTest {

    @Test
    void strokesAsThePadWritesThemFollowThePublishedSchema() throws Exception {
        Strokes strokes = new Strokes();
        strokes.begin(10, 20, 1_000, 1.0);
        strokes.add(12.5, 21.25, 1_016, 1.0);
        strokes.add(30, 40, 1_032, 0.5);
        strokes.begin(100, 20, 1_500, 1.0);
        strokes.add(101, 60, 1_516, 1.0);

        String json = strokes.toJson(600, 240);

        assertThat(JsonSchemas.problems("packet/signature-strokes", new ObjectMapper().readTree(json))).isEmpty();
        assertThat(JsonSchemas.problems("packet/signature-strokes", new ObjectMapper().readTree(
                json.replace("\"t\":16", "\"t\":-16")))).as("the schema does judge the points").isNotEmpty();
    }
}
