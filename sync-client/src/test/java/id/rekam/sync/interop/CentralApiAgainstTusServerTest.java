package id.rekam.sync.interop;

import id.rekam.sync.api.CentralApi;
import id.rekam.sync.api.UploadState;
import id.rekam.sync.http.ServerClock;
import id.rekam.sync.http.SigningInterceptor;
import id.rekam.sync.http.TusResumableInterceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The station's tus calls ({@link CentralApi#patch}, {@link CentralApi#head}) against a
 * third-party tus 1.0.0 server, @tus/server 2.4.5 with @tus/file-store 2.1.1. The client is the
 * station's pipeline (Tus-Resumable, request signing) without the response validation, which by
 * design calls any server lacking X-Rekam-Server-Time "no usable network". What a standard server
 * cannot give is the rekam completion (X-Rekam-Packet-Status + hash, §4.5), so the station never
 * marks a packet delivered there: that part is asserted too.
 *
 * <p>The server is mounted at {@code /files}, not at the rekam {@code /v1/uploads}: the client
 * marks its tus requests as such whatever the upload URL, and @tus/server refuses (412) any
 * request without {@code Tus-Resumable}.
 */
class CentralApiAgainstTusServerTest {

    private static final int CHUNK = 64 * 1024;
    private static final String MOUNT = "/files";

    @TempDir
    Path tmp;

    @Test
    void patchesAndResumesFromHeadOnATusServer() throws Exception {
        byte[] body = new byte[3 * CHUNK + 1234];
        new Random(11).nextBytes(body);
        Files.createDirectories(tmp.resolve("store"));
        try (TusNodeServer tus = TusNodeServer.start(tmp.resolve("store"), MOUNT)) {
            String upload = create(tus.endpoint(), body.length);
            assertThat(upload).contains(MOUNT + "/").doesNotContain("/v1/uploads");

            // A first session sends one chunk, then the station "restarts" with a fresh client.
            UploadState first = api(tus).patch(upload, 0, Arrays.copyOf(body, CHUNK));
            assertThat(first.offset()).isEqualTo(CHUNK);
            assertThat(first.offsetMismatch()).isFalse();
            assertThat(first.completion()).isEmpty();

            CentralApi resumed = api(tus);
            UploadState head = resumed.head(upload);
            assertThat(head.offset()).isEqualTo(CHUNK);
            long offset = head.offset();
            UploadState last = head;
            while (offset < body.length) {
                byte[] chunk = Arrays.copyOfRange(body, (int) offset, (int) Math.min(body.length, offset + CHUNK));
                last = resumed.patch(upload, offset, chunk);
                assertThat(last.offset()).isEqualTo(offset + chunk.length);
                offset = last.offset();
            }
            assertThat(tus.stored(upload)).isEqualTo(body);
            // Complete, but a standard server states no durable receipt: not "delivered" for a station.
            assertThat(last.completion()).isEmpty();
            assertThat(last.sha256()).isNull();
            assertThat(resumed.head(upload).offset()).isEqualTo(body.length);
        }
    }

    @Test
    void conflictWithoutUploadOffsetFromTheStockServerIsResolvedByHead() throws Exception {
        byte[] body = new byte[3 * CHUNK];
        new Random(12).nextBytes(body);
        Files.createDirectories(tmp.resolve("store"));
        try (TusNodeServer tus = TusNodeServer.start(tmp.resolve("store"), MOUNT)) {
            String upload = create(tus.endpoint(), body.length);
            CentralApi api = api(tus);
            api.patch(upload, 0, Arrays.copyOf(body, CHUNK));

            // A station that lost that answer sends the first chunk again: @tus/server says 409, no offset.
            try (Response raw = plain(upload, 0, Arrays.copyOf(body, CHUNK))) {
                assertThat(raw.code()).isEqualTo(409);
                assertThat(raw.header("Upload-Offset")).isNull();
            }
            UploadState conflict = api.patch(upload, 0, Arrays.copyOf(body, CHUNK));
            assertThat(conflict.offsetMismatch()).isTrue();
            assertThat(conflict.offset()).isEqualTo(CHUNK);

            long offset = conflict.offset();
            while (offset < body.length) {
                offset = api.patch(upload, offset, Arrays.copyOfRange(body, (int) offset, (int) offset + CHUNK)).offset();
            }
            assertThat(tus.stored(upload)).isEqualTo(body);
        }
    }

    /** A PATCH as any tus client sends it, to show what the stock server answers. */
    private static Response plain(String upload, long offset, byte[] chunk) throws Exception {
        return new OkHttpClient().newCall(new Request.Builder().url(upload).header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", Long.toString(offset))
                .patch(RequestBody.create(chunk, okhttp3.MediaType.get("application/offset+octet-stream")))
                .build()).execute();
    }

    /** tus creation, which the rekam protocol replaces by the announce. */
    private static String create(URI endpoint, int length) throws Exception {
        try (Response r = new OkHttpClient().newCall(new Request.Builder().url(endpoint.toString())
                .header("Tus-Resumable", "1.0.0").header("Upload-Length", Integer.toString(length))
                .post(RequestBody.create(new byte[0])).build()).execute()) {
            assertThat(r.code()).isEqualTo(201);
            return r.header("Location");
        }
    }

    private static CentralApi api(TusNodeServer tus) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        OkHttpClient client = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .addInterceptor(new TusResumableInterceptor())
                .addInterceptor(new SigningInterceptor("ST-327601-0001", data -> sign(keys, data),
                        new ServerClock(Clock.systemUTC()), new SecureRandom()))
                .build();
        return new CentralApi(client, tus.endpoint());
    }

    private static byte[] sign(KeyPair keys, byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.getPrivate());
            s.update(data);
            return s.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
