package id.rekam.sync;

import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static id.rekam.sync.BadServerTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * tus answers a conforming client must handle in the middle of an upload (tus 1.0.0 core and
 * checksum extension): a {@code 409} that carries no {@code Upload-Offset}, as a stock tus server
 * sends it, is answered by HEAD and the upload resumes from the server's offset; a {@code 460}
 * (chunk damaged on the way) is answered by sending the chunk again at once, a bounded number of
 * times, and only then does the pass end as on a network fault.
 */
class TusAnswersTest {

    private static final int CHUNK = 1024;

    @TempDir
    Path dir;
    SyncTestKit kit;
    MockWebServer mock;
    BadServerTest.Script script;
    String packetId;
    OutboxEntry entry;
    /** The sealed packet, as it travels, and its SHA-256. */
    byte[] body;
    String sha;
    Upload upload;

    /** One upload as a tus server keeps it: its offset and the bytes taken so far. */
    final class Upload {
        long offset;
        final ByteArrayOutputStream taken = new ByteArrayOutputStream();
        /** PATCHes still to answer 460. */
        int damaged;
        final List<String> methods = Collections.synchronizedList(new ArrayList<>());

        synchronized MockResponse patch(RecordedRequest r) {
            methods.add("PATCH " + r.getHeader("Upload-Offset"));
            if (damaged > 0) {
                damaged--;
                return json(460, BadServerTest.JSON.createObjectNode().put("code", "checksum-mismatch")
                        .put("message", "chunk does not match its Upload-Checksum"));
            }
            if (Long.parseLong(r.getHeader("Upload-Offset")) != offset) {
                // What @tus/server answers: 409, a text body, no Upload-Offset.
                return tus(409).setHeader("Content-Type", "text/plain")
                        .setBody("Upload-Offset header does not match the current offset\n");
            }
            byte[] chunk = r.getBody().readByteArray();
            taken.write(chunk, 0, chunk.length);
            offset += chunk.length;
            MockResponse ok = tus(204).setHeader("Upload-Offset", Long.toString(offset));
            return offset < body.length ? ok : ok.setHeader("X-Rekam-Packet-Status", "received")
                    .setHeader("X-Rekam-Packet-Sha256", sha)
                    .setHeader("X-Rekam-Receipt", BadServerTest.SERVER.receiptHeader(SyncTestKit.STATION, packetId, sha,
                            "received"));
        }

        synchronized MockResponse head(RecordedRequest r) {
            methods.add("HEAD");
            return tus(200).setHeader("Upload-Offset", Long.toString(offset))
                    .setHeader("Upload-Length", Integer.toString(body.length)).setHeader("Cache-Control", "no-store");
        }
    }

    static MockResponse tus(int status) {
        return new MockResponse().setResponseCode(status).setHeader("Tus-Resumable", "1.0.0")
                .setHeader("X-Rekam-Server-Time", Long.toString(System.currentTimeMillis() / 1000));
    }

    @BeforeEach
    void setUp() throws Exception {
        kit = SyncTestKit.storeOnly(dir);
        packetId = kit.capture(1, 23, true).get(0);
        kit.pinTestServer(BadServerTest.SERVER.publicKey());
        entry = kit.store.outbox().entry(packetId).orElseThrow();
        body = kit.store.outbox().readSealed(packetId).bytes();
        sha = id.rekam.core.packet.PacketCodec.sha256Hex(body);
        assertThat(body.length).as("several chunks").isGreaterThan(3 * CHUNK);
        upload = new Upload();
        script = new BadServerTest.Script();
        script.announce = r -> json(201, BadServerTest.JSON.createObjectNode().put("packetId", packetId)
                .put("state", "awaiting-upload").put("sha256", sha).put("size", body.length)
                .put("uploadUrl", "/v1/uploads/u1").put("uploadOffset", 0));
        script.patch = upload::patch;
        script.head = upload::head;
        mock = new MockWebServer();
        mock.setDispatcher(script);
        mock.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        mock.shutdown();
        kit.close();
    }

    SyncService service() {
        return new SyncService(kit.store, SyncTestKit.fastConfig(mock.url("/").uri()).withChunkSize(CHUNK));
    }

    @Test
    void conflictWithoutUploadOffsetIsResolvedByHeadAndTheUploadResumesThere() throws Exception {
        // The server already holds two chunks (answers the station never got); it told the station 0.
        upload.offset = 2 * CHUNK;
        upload.taken.write(body, 0, 2 * CHUNK);

        try (SyncService sync = service()) {
            assertThat(sync.runOnce().delivered()).isEqualTo(1);
        }

        assertThat(upload.methods.subList(0, 3)).containsExactly("PATCH 0", "HEAD", "PATCH " + 2 * CHUNK);
        assertThat(upload.methods).doesNotContain("PATCH " + CHUNK);
        assertThat(upload.taken.toByteArray()).isEqualTo(body);
        assertThat(kit.store.outbox().entry(packetId).orElseThrow().state()).isEqualTo(OutboxState.ACKNOWLEDGED);
    }

    @Test
    void damagedChunkIsSentAgainAtOnceWithinThePass() throws Exception {
        upload.damaged = 2;

        try (SyncService sync = service()) {
            assertThat(sync.runOnce().delivered()).isEqualTo(1);
        }

        assertThat(upload.methods.subList(0, 4)).containsExactly("PATCH 0", "PATCH 0", "PATCH 0", "PATCH " + CHUNK);
        assertThat(upload.methods).doesNotContain("HEAD");
        assertThat(upload.taken.toByteArray()).isEqualTo(body);
        assertThat(kit.store.outbox().entry(packetId).orElseThrow().state()).isEqualTo(OutboxState.ACKNOWLEDGED);
    }

    @Test
    void chunkDamagedEveryTimeEndsThePassAsANetworkFaultAfterBoundedResends() throws Exception {
        upload.damaged = Integer.MAX_VALUE;

        try (SyncService sync = service()) {
            assertThatThrownBy(sync::runOnce).isInstanceOfSatisfying(SyncFailure.class,
                    f -> assertThat(f.kind()).isEqualTo(SyncFailure.Kind.OFFLINE));
        }

        assertThat(upload.methods).containsExactly("PATCH 0", "PATCH 0", "PATCH 0", "PATCH 0");
        // Not parked: the next pass tries again.
        assertThat(kit.store.outbox().entry(packetId).orElseThrow().state())
                .isIn(OutboxState.QUEUED, OutboxState.UPLOADING);
    }
}
