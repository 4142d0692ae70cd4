package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.store.StationStore;
import id.rekam.core.trust.ServerAddress;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.ServerTrust;
import id.rekam.core.trust.TransportKeyStatement;
import id.rekam.sync.http.PinnedTrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Registers the store's public key with the central server using a one-time enrollment code
 * ({@code POST /v1/stations}, the one unsigned call), and pins what the answer gives: the server's
 * signing and packet keys, with its address and TLS pin, in the store (docs/sync-protocol.md §2).
 * The store's station id is inside every packet, so the station sends it and the server registers
 * that id or refuses. With a transport key the sync service's key is registered in the same call,
 * on the station key's signed statement (§2.1).
 */
public final class StationEnrollment {

    private StationEnrollment() {
    }

    /** What the server answered, as pinned. */
    public record Enrolled(String stationId, ServerKeys keys, boolean transportKeyRegistered) {
    }

    /**
     * The client for the enrollment call: TLS trusts only the pinned key (the code travels in
     * this request), no silent retry.
     *
     * @param pin {@code sha256/<base64>} of the server's key; null or blank only for plain http (demo, tests)
     */
    public static OkHttpClient client(String pin) {
        OkHttpClient.Builder b = new OkHttpClient.Builder().retryOnConnectionFailure(false)
                .connectTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofSeconds(30));
        if (pin != null && !pin.isBlank()) {
            PinnedTrustManager trust = new PinnedTrustManager(pin.trim());
            b.sslSocketFactory(trust.sslContext().getSocketFactory(), trust);
        }
        return b.build();
    }

    /** Base64 of the raw 32-byte Ed25519 key, as the protocol carries it. */
    public static String publicKeyBase64(StationStore store) {
        byte[] spki = store.stationPublicKey().getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    /** Plain http on this machine (demo, tests): {@link #enroll(OkHttpClient, ServerAddress, String, StationStore, String, TransportKey, String)}. */
    public static String enroll(OkHttpClient http, URI server, String code, StationStore store, String name)
            throws IOException {
        return enroll(http, ServerAddress.check(server.toString(), null), code, store, name, null, "technician")
                .stationId();
    }

    /**
     * @param server    checked address: https with its pin, or http on loopback
     * @param transport the sync service's key to register with the station, or null
     * @param actor     who registers (audited with the pinned keys)
     */
    public static Enrolled enroll(OkHttpClient http, ServerAddress server, String code, StationStore store, String name,
                                  TransportKey transport, String actor) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode body = m.createObjectNode();
        body.put("enrollmentCode", code);
        body.put("publicKey", publicKeyBase64(store));
        body.put("name", name);
        // The store's id is inside every packet it signs: ask the server to register exactly that one.
        body.put("stationId", store.stationId());
        if (transport != null) {
            TransportKeyStatement st = new TransportKeyStatement(store.stationId(), transport.publicKeyBase64(),
                    Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            body.put("transportKey", st.transportKeyBase64());
            body.put("transportKeyIssuedAt", st.issuedAt().toString());
            body.put("transportKeySignature", Base64.getEncoder().encodeToString(store.signTransportKey(st)));
        }
        Request req = new Request.Builder().url(server.base().resolve("/v1/stations").toString())
                .post(RequestBody.create(m.writeValueAsBytes(body), MediaType.get("application/json"))).build();
        try (Response r = http.newCall(req).execute()) {
            String text = r.body() == null ? "" : r.body().string();
            if (r.code() != 200 && r.code() != 201) {
                throw new IOException("enrollment refused: HTTP " + r.code() + " " + text);
            }
            JsonNode n = m.readTree(text);
            String id = n.path("stationId").asText(null);
            if (id == null) {
                throw new IOException("enrollment answer without stationId");
            }
            if (!id.equals(store.stationId())) {
                throw new IOException("server named this station " + id + " but its store belongs to "
                        + store.stationId());
            }
            ServerKeys keys;
            try {
                keys = ServerKeys.fromJson(n.get("serverKeys"));
            } catch (IllegalArgumentException e) {
                throw new IOException("enrollment answer without the server's keys: " + e.getMessage(), e);
            }
            // Pinned with the address and TLS pin this answer came over: what the station trusts from now on.
            store.pinServer(new ServerTrust(server.base(), server.pin(), keys, Instant.now()), actor);
            return new Enrolled(id, keys, n.path("transportKeyRegistered").asBoolean(false));
        }
    }
}
