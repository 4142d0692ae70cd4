package id.rekam.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.server.faults.Fault;
import id.rekam.server.faults.FaultInjector;
import id.rekam.server.http.ApiException;
import id.rekam.server.http.Json;
import id.rekam.server.http.Request;
import id.rekam.server.http.Response;
import id.rekam.server.packets.PacketRecord;
import id.rekam.reports.LossNotificationPdf;
import id.rekam.server.stations.RevocationReason;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationCommands;
import id.rekam.server.stations.StationRegistry;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** HTTP face of {@link AdminService} and the fault injector, for demos. */
public final class AdminApi {

    private final AdminService admin;
    private final FaultInjector faults;

    public AdminApi(AdminService admin, FaultInjector faults) {
        this.admin = admin;
        this.faults = faults;
    }

    public Response createCode(Request r) throws IOException {
        JsonNode body = Json.tree(r.body().length == 0 ? "{}".getBytes() : r.body());
        StationRegistry.IssuedCode code = admin.createEnrollmentCode(body.path("office").asText(null));
        return Response.json(201, Map.of("code", code.code(), "office", code.office(),
                "expiresAt", code.expiresAt().toString()));
    }

    public Response stations(Request r) {
        return Response.json(200, admin.stations().stream().map(AdminApi::station).toList());
    }

    static Map<String, Object> station(Station s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stationId", s.stationId());
        m.put("office", s.office());
        m.put("enrolledAt", s.enrolledAt().toString());
        m.put("transportKeyRegistered", s.transportKeyBase64() != null);
        if (s.lastContactAt() != null) {
            m.put("lastContactAt", s.lastContactAt().toString());
        }
        if (s.reportedPending() != null) {
            m.put("reportedPending", s.reportedPending());
        }
        if (s.revoked()) {
            m.put("revokedAt", s.revocation().at().toString());
            m.put("revokedReason", s.revocation().reason().wire());
        }
        return m;
    }

    /** {@code POST /admin/stations/{id}/revoke} {"reason": "stolen|lost|decommissioned", "note", "command", "by"}. */
    public Response revoke(Request r) throws IOException {
        JsonNode b = Json.tree(r.body().length == 0 ? "{}".getBytes() : r.body());
        RevocationReason reason;
        try {
            reason = RevocationReason.fromWire(b.path("reason").asText(""));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad-reason", e.getMessage());
        }
        Station s = admin.revoke(r.attribute("path.stationId"), reason, b.path("note").asText(null),
                b.path("by").asText("admin"), b.path("command").asText(null));
        return Response.json(200, station(s));
    }

    /** {@code POST /admin/stations/{id}/commands} {"command": "lock|unlock|crypto-erase", "reason", "by"}. */
    public Response command(Request r) throws IOException {
        JsonNode b = Json.tree(r.body().length == 0 ? "{}".getBytes() : r.body());
        StationCommands.Issued i = admin.command(r.attribute("path.stationId"), b.path("command").asText(null),
                b.path("reason").asText(null), b.path("by").asText("admin"));
        return Response.json(201, Map.of("commandId", i.commandId(), "stationId", i.stationId(),
                "command", i.command(), "issuedAt", i.issuedAt().toString()));
    }

    /** {@code GET /admin/stations/{id}/loss-report}: JSON. */
    public Response lossReport(Request r) {
        return Response.json(200, admin.lossReport(r.attribute("path.stationId")).toJson());
    }

    /** {@code GET /admin/stations/{id}/loss-report.pdf}: the Pasal 46 notification draft. */
    public Response lossReportPdf(Request r) {
        byte[] pdf = new LossNotificationPdf().render(admin.lossReport(r.attribute("path.stationId")).notice());
        return new Response(200, pdf).header("Content-Type", "application/pdf");
    }

    public Response packets(Request r) {
        return Response.json(200, admin.packets().stream().map(AdminApi::summary).toList());
    }

    public Response printReady(Request r) {
        String id = r.attribute("path.packetId");
        if (!admin.markPrintReady(id)) {
            throw new ApiException(409, "not-accepted", "packet " + id + " is not in state accepted");
        }
        return Response.json(200, Map.of("packetId", id, "state", "print-ready"));
    }

    public Response listFaults(Request r) {
        return Response.json(200, faults.list());
    }

    public Response addFault(Request r) throws IOException {
        Fault f = Json.read(r.body(), Fault.class);
        try {
            faults.add(f.times() == 0 ? f.times(1) : f);
            return Response.json(201, faults.list());
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad-fault", e.getMessage());
        }
    }

    public Response clearFaults(Request r) {
        faults.clear();
        return Response.empty(204);
    }

    /** Lists carry the masked NIK only: an admin listing is not where a full NIK is needed. */
    static Map<String, Object> summary(PacketRecord p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("packetId", p.packetId());
        m.put("stationId", p.stationId());
        m.put("state", p.state().wire());
        m.put("size", p.size());
        m.put("uploadOffset", p.effectiveOffset());
        if (p.nik() != null) {
            m.put("nik", id.rekam.core.domain.Nik.of(p.nik()).masked());
        }
        if (p.reasonCode() != null) {
            m.put("reason", p.reasonCode());
        }
        return m;
    }
}
