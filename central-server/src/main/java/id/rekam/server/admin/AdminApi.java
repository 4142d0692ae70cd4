package id.rekam.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.server.faults.Fault;
import id.rekam.server.faults.FaultInjector;
import id.rekam.server.http.ApiException;
import id.rekam.server.http.Json;
import id.rekam.server.http.Request;
import id.rekam.server.http.Response;
import id.rekam.server.packets.PacketRecord;
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
        return Response.json(200, admin.stations().stream().map(s -> Map.of("stationId", s.stationId(),
                "office", s.office(), "enrolledAt", s.enrolledAt().toString())).toList());
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
