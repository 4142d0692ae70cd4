package id.rekam.core.diag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/**
 * The report's JSON (docs/schemas/report/diagnostics.schema.json): what the help desk's tools
 * read, and what the PDF carries inside itself as an attachment. Always scrubbed by
 * {@link ReportGuard} on the way out.
 */
public final class DiagnosticReports {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private DiagnosticReports() {
    }

    public static byte[] json(DiagnosticReport report) {
        try {
            return JSON.writeValueAsBytes(ReportGuard.scrub(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report not serialisable", e);
        }
    }

    public static DiagnosticReport read(byte[] json) {
        try {
            return JSON.readValue(json, DiagnosticReport.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a rekam diagnostics report", e);
        }
    }
}
