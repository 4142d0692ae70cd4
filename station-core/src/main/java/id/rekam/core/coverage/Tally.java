package id.rekam.core.coverage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One station's counts so far, per kelurahan/desa, day and operator: what travels between team
 * members (in safety bundles) and to the server ({@code docs/schemas/api/coverage-tally.schema.json}).
 * Cumulative: a newer tally of a station replaces its older one. Numbers only, no citizen data;
 * operators are named by their station login.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tally(int format, String stationId, Instant generatedAt, List<Row> rows) {

    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @param villageCode Kemendagri code of the kelurahan/desa ({@code 32.76.01.1001}); null if unknown */
    public record Row(String villageCode, LocalDate day, String operator, long recorded, long delivered,
                      long accepted, long duplicate) {

        public Counts counts() {
            return new Counts(recorded, delivered, accepted, duplicate);
        }
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException not a tally of a known format, or a negative count */
    public static Tally fromJson(byte[] json) {
        Tally t;
        try {
            t = JSON.readValue(json, Tally.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a coverage tally: " + e.getMessage(), e);
        }
        if (t.format() != FORMAT || t.stationId() == null || t.generatedAt() == null || t.rows() == null) {
            throw new IllegalArgumentException("not a coverage tally of format " + FORMAT);
        }
        for (Row r : t.rows()) {
            if (r.day() == null || r.recorded() < 0 || r.delivered() < 0 || r.accepted() < 0 || r.duplicate() < 0
                    || r.delivered() > r.recorded()) {
                throw new IllegalArgumentException("tally row out of range: " + r);
            }
        }
        return t;
    }
}
