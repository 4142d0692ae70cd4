package id.rekam.identification;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;

import java.io.IOException;
import java.util.Arrays;

/**
 * The minutiae of one SourceAFIS template: position in pixels at 500 dpi, direction in
 * radians. Read straight from SourceAFIS's serialised form (CBOR: {@code positionsX},
 * {@code positionsY}, {@code directions}, {@code types}) with a streaming parser, about a
 * hundred times cheaper than building a {@code FingerprintTemplate}, which matters when a
 * station indexes 350,000 fingers at unlock.
 */
record Minutiae(int[] x, int[] y, float[] direction) {

    private static final CBORFactory CBOR = new CBORFactory();

    int size() {
        return x.length;
    }

    /**
     * @throws IllegalArgumentException the bytes are not a SourceAFIS 3.x template
     */
    static Minutiae read(byte[] template) {
        int[] xs = null;
        int[] ys = null;
        float[] dirs = null;
        try (JsonParser p = CBOR.createParser(template)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a SourceAFIS template");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "positionsX" -> xs = ints(p, value);
                    case "positionsY" -> ys = ints(p, value);
                    case "directions" -> dirs = floats(p, value);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a SourceAFIS template", e);
        }
        if (xs == null || ys == null || dirs == null || xs.length != ys.length || xs.length != dirs.length) {
            throw new IllegalArgumentException("not a SourceAFIS template: minutiae missing or inconsistent");
        }
        return new Minutiae(xs, ys, dirs);
    }

    private static int[] ints(JsonParser p, JsonToken start) throws IOException {
        requireArray(start);
        int[] out = new int[64];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = p.getIntValue();
        }
        return Arrays.copyOf(out, n);
    }

    private static float[] floats(JsonParser p, JsonToken start) throws IOException {
        requireArray(start);
        float[] out = new float[64];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = p.getFloatValue();
        }
        return Arrays.copyOf(out, n);
    }

    private static void requireArray(JsonToken t) {
        if (t != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("not a SourceAFIS template: array expected");
        }
    }
}
