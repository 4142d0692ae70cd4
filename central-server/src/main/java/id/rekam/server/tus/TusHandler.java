package id.rekam.server.tus;

import id.rekam.server.auth.SignatureAuthInterceptor;
import id.rekam.server.http.ApiException;
import id.rekam.server.http.Json;
import id.rekam.server.http.Request;
import id.rekam.server.http.Response;
import id.rekam.server.packets.Announcement;
import id.rekam.server.packets.PacketRecord;
import id.rekam.server.packets.PacketService;
import id.rekam.server.packets.Receipts;
import id.rekam.server.packets.PacketState;
import id.rekam.server.stations.Station;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * tus 1.0.0 core + creation + creation-with-upload + checksum on {@code /v1/uploads}. Every upload belongs to an
 * announced packet; a chunk is all-or-nothing (it is signed and checksummed as a whole) and
 * on disk before the 204 leaves.
 */
public final class TusHandler {

    public static final String PACKET_STATUS = "X-Rekam-Packet-Status";
    public static final String PACKET_REASON = "X-Rekam-Packet-Reason";

    private final PacketService packets;
    private final long maxSize;
    private final Receipts receipts;

    public TusHandler(PacketService packets, long maxSize, Receipts receipts) {
        this.packets = packets;
        this.maxSize = maxSize;
        this.receipts = receipts;
    }

    public Response options(Request r) {
        return Response.empty(204)
                .header("Tus-Version", TusProtocol.VERSION)
                .header("Tus-Extension", TusProtocol.EXTENSIONS)
                .header("Tus-Max-Size", Long.toString(maxSize))
                .header("Tus-Checksum-Algorithm", TusProtocol.CHECKSUM_ALGORITHMS);
    }

    /**
     * Creation: binds a tus upload to a packet named in Upload-Metadata. With an
     * {@code announcement} key (the JSON body of {@code POST /v1/packets}, base64) the packet
     * is announced here, and with a body (creation-with-upload) its first chunk is stored
     * too: a packet that fits in one request is delivered in one round trip.
     */
    public Response create(Request r) throws java.io.IOException {
        Station station = r.attribute(SignatureAuthInterceptor.STATION);
        if (r.header("Upload-Defer-Length").isPresent()) {
            throw new ApiException(400, "defer-length-unsupported", "Upload-Length must be given at creation");
        }
        long length = parseNonNegative(r, "Upload-Length");
        byte[] body = r.body();
        if (body.length > 0) {
            checkOffsetContentType(r);
        }
        Map<String, String> meta = metadata(r.header("Upload-Metadata").orElse(""));
        String packetId = meta.get("packetId");
        if (packetId == null) {
            throw new ApiException(400, "missing-packet-id", "Upload-Metadata must carry packetId");
        }
        PacketRecord p;
        String announcement = meta.get("announcement");
        if (announcement != null) {
            Announcement a = Json.read(announcement.getBytes(StandardCharsets.UTF_8), Announcement.class);
            if (!packetId.equals(a.packetId()) || a.size() == null || a.size() != length) {
                throw new ApiException(400, "announcement-mismatch",
                        "announcement must name the packetId and Upload-Length of this upload");
            }
            p = packets.announce(station, a).packet();
        } else {
            p = packets.find(packetId).filter(x -> x.stationId().equals(station.stationId()))
                    .orElseThrow(() -> new ApiException(422, "packet-not-announced",
                            "announce packet " + packetId + " with POST /v1/packets first"));
        }
        if (p.size() != length) {
            throw new ApiException(422, "upload-length-mismatch", "packet was announced with " + p.size() + " bytes");
        }
        // The body counts only where the upload really is at 0; otherwise the offset tells the client where to go on.
        if (body.length > 0 && p.state() == PacketState.AWAITING_UPLOAD && p.effectiveOffset() == 0) {
            byte[] sha = r.bodySha256();
            r.header("Upload-Checksum").ifPresent(c -> verifyChecksum(c, body, sha));
            try {
                p = packets.append(p, 0, body, sha);
            } catch (ApiException e) {
                if (!"offset-mismatch".equals(e.code())) {
                    throw e;
                }
                p = packets.find(packetId).orElseThrow(); // a concurrent request stored it first
            }
        }
        return withStatus(Response.empty(201), p)
                .header("Location", p.uploadPath())
                .header("Upload-Offset", Long.toString(p.effectiveOffset()));
    }

    private static void checkOffsetContentType(Request r) {
        String mediaType = r.header("Content-Type").map(v -> v.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT))
                .orElse("");
        if (!TusProtocol.OFFSET_CONTENT_TYPE.equals(mediaType)) {
            throw new ApiException(415, "bad-content-type", "a body needs Content-Type " + TusProtocol.OFFSET_CONTENT_TYPE);
        }
    }

    public Response head(Request r) {
        PacketRecord p = upload(r);
        return withStatus(Response.empty(200), p)
                .header("Upload-Offset", Long.toString(p.effectiveOffset()))
                .header("Upload-Length", Long.toString(p.size()))
                .header("Cache-Control", "no-store");
    }

    public Response patch(Request r) throws java.io.IOException {
        checkOffsetContentType(r);
        long offset = parseNonNegative(r, "Upload-Offset");
        PacketRecord p = upload(r);
        if (p.effectiveOffset() != offset) {
            throw new ApiException(409, "offset-mismatch", "upload is at offset " + p.effectiveOffset())
                    .withHeader("Upload-Offset", Long.toString(p.effectiveOffset()));
        }
        byte[] chunk = r.body();
        byte[] chunkSha256 = r.bodySha256();
        String checksum = r.header("Upload-Checksum").orElse(null);
        if (checksum != null) {
            verifyChecksum(checksum, chunk, chunkSha256);
        }
        PacketRecord after = packets.append(p, offset, chunk, chunkSha256);
        return withStatus(Response.empty(204), after)
                .header("Upload-Offset", Long.toString(after.effectiveOffset()));
    }

    private PacketRecord upload(Request r) {
        Station station = r.attribute(SignatureAuthInterceptor.STATION);
        String id = r.attribute("path.uploadId");
        return packets.findUpload(station, id)
                .orElseThrow(() -> new ApiException(404, "upload-not-found", "no such upload"));
    }

    /** Once the body is complete the station learns what became of it without another request. */
    private Response withStatus(Response response, PacketRecord p) {
        if (p.state() == PacketState.AWAITING_UPLOAD) {
            return response;
        }
        if (p.state() == PacketState.REJECTED && p.receivedAt() == null) {
            response.header(PACKET_STATUS, "rejected");
            response.header(PACKET_REASON, p.reasonCode());
        } else {
            response.header(PACKET_STATUS, "received");
        }
        // The headers above say it; only the signed receipt makes a station believe it (protocol §4.5).
        return response.header("X-Rekam-Packet-Sha256", p.sha256())
                .header(Receipts.RECEIPT_HEADER, receipts.receiptHeader(p));
    }

    private static void verifyChecksum(String header, byte[] chunk, byte[] chunkSha256) {
        String[] parts = header.trim().split(" ");
        if (parts.length != 2) {
            throw new ApiException(400, "bad-checksum-header", "Upload-Checksum is '<algorithm> <base64>'");
        }
        String algorithm = switch (parts[0]) {
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            default -> throw new ApiException(400, "unsupported-checksum-algorithm",
                    "supported: " + TusProtocol.CHECKSUM_ALGORITHMS);
        };
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad-checksum-header", "checksum is not base64");
        }
        try {
            byte[] actual = algorithm.equals("SHA-256") ? chunkSha256 : MessageDigest.getInstance(algorithm).digest(chunk);
            if (!MessageDigest.isEqual(expected, actual)) {
                throw new ApiException(TusProtocol.CHECKSUM_MISMATCH, "checksum-mismatch",
                        "chunk does not match its Upload-Checksum; it was not stored");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long parseNonNegative(Request r, String header) {
        String v = r.header(header).orElseThrow(() -> new ApiException(400, "missing-" + header.toLowerCase(),
                header + " is required"));
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "bad-" + header.toLowerCase(), header + " must be a non-negative integer");
        }
    }

    /** Upload-Metadata: comma-separated {@code key base64value} pairs (value optional). */
    static Map<String, String> metadata(String header) {
        Map<String, String> out = new HashMap<>();
        for (String pair : header.split(",")) {
            String t = pair.trim();
            if (t.isEmpty()) {
                continue;
            }
            int sp = t.indexOf(' ');
            try {
                out.put(sp < 0 ? t : t.substring(0, sp),
                        sp < 0 ? "" : new String(Base64.getDecoder().decode(t.substring(sp + 1).trim()),
                                StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "bad-upload-metadata", "Upload-Metadata values must be base64");
            }
        }
        return out;
    }
}
