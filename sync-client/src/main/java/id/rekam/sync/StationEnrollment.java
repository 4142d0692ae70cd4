package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.cases.CaseException;
import id.rekam.core.cases.ServerSigningKey;
import id.rekam.core.store.StationStore;
import id.rekam.sync.http.PinnedTrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * Registers the store's public key with the central server using a one-time enrollment code
 * ({@code POST /v1/stations}, the one unsigned call). The store's station id is inside every
 * packet, so the station sends it ({@code stationId}, {@code ST-<office digits>-NNNN}) and the
 * server registers that id or refuses; the answer is still checked against the store.
 */
public final class StationEnrollment {

    private StationEnrollment() {
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

    /** @return the station id the server assigned */
    public static String enroll(OkHttpClient http, URI server, String code, StationStore store, String name)
            throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode body = m.createObjectNode();
        body.put("enrollmentCode", code);
        body.put("publicKey", publicKeyBase64(store));
        body.put("name", name);
        // The store's id is inside every packet it signs: ask the server to register exactly that one.
        body.put("stationId", store.stationId());
        Request req = new Request.Builder().url(server.resolve("/v1/stations").toString())
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
            // The key of the server's signed feed entries (case assignments), pinned now, over this
            // pinned connection; a server that later presents another key is not believed.
            String feedKey = n.path("feedSigningKey").asText(null);
            if (feedKey != null) {
                try {
                    new ServerSigningKey(store).pin(feedKey, "enrollment");
                } catch (CaseException e) {
                    throw new IOException("enrollment answer: " + e.getMessage(), e);
                }
            }
            return id;
        }
    }
}
