package id.rekam.server.cases;

import id.rekam.server.http.ApiException;
import id.rekam.server.http.Json;
import id.rekam.server.http.Request;
import id.rekam.server.http.Response;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Admin endpoints for cases: assign one, assign a district's duplicates, list them (reference server only). */
public final class CasesApi {

    private final CaseAssigner assigner;

    public CasesApi(ServerCases cases) {
        this.assigner = cases.assigner();
    }

    record AssignRequest(List<String> records, String stationId, String reason, String deadline) {
    }

    record BulkRequest(String officePrefix) {
    }

    /** {@code POST /admin/cases}: {@code {"records": [a, b], "stationId"?, "reason"?, "deadline"?}}. */
    public Response assign(Request r) throws IOException {
        AssignRequest a = Json.read(r.body(), AssignRequest.class);
        if (a.records() == null || a.records().size() != 2) {
            throw new ApiException(400, "bad-request", "records must name two packet ids");
        }
        Instant deadline;
        try {
            deadline = a.deadline() == null ? null : Instant.parse(a.deadline());
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "bad-request", "deadline must be an ISO-8601 instant");
        }
        CaseAssigner.Assigned done = assigner.assign(a.records().get(0), a.records().get(1), a.stationId(), a.reason(),
                deadline);
        return Response.json(201, Map.of("caseId", done.caseId(), "stationId", done.stationId(),
                "records", List.of(done.first(), done.second())));
    }

    /** {@code POST /admin/cases/from-duplicates}: {@code {"officePrefix"?: "33.10"}}. */
    public Response fromDuplicates(Request r) throws IOException {
        BulkRequest b = r.body().length == 0 ? new BulkRequest(null) : Json.read(r.body(), BulkRequest.class);
        CaseAssigner.Bulk done = assigner.assignDuplicates(b.officePrefix());
        return Response.json(200, Map.of("assigned", done.assigned().size(), "skipped", done.skipped()));
    }

    public Response list(Request r) {
        return Response.json(200, assigner.list());
    }
}
