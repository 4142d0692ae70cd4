package id.rekam.sync.api;

import id.rekam.core.outbox.SealedPacket;
import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.packet.PacketPart;
import id.rekam.sync.SyncConfig;
import id.rekam.sync.SyncFailure;
import id.rekam.sync.http.HttpClients;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The station's tus calls through its real HTTP pipeline (signing, answer validation, tus
 * header) against scripted answers: {@code Tus-Resumable} goes on every tus request wherever the
 * upload lives, and only on those; a {@code 409} is resolved with HEAD when it does not say the
 * offset; a {@code 460} is resent at once, a bounded number of times.
 */
class CentralApiTusTest {

    MockWebServer mock;
    CentralApi api;
    final TestServerKey serverKey = new TestServerKey();

    @BeforeEach
    void setUp() throws Exception {
        mock = new MockWebServer();
        mock.start();
        SyncConfig config = SyncConfig.defaults(mock.url("/").uri());
        api = new CentralApi(HttpClients.builder(config, "ST-327601-0001", data -> new byte[64], Clock.systemUTC())
                .build(), mock.url("/").uri(), serverKey.verifier("ST-327601-0001"));
    }

    @AfterEach
    void tearDown() throws Exception {
        mock.shutdown();
    }

    static MockResponse answer(int status) {
        return new MockResponse().setResponseCode(status).setHeader("Tus-Resumable", "1.0.0")
                .setHeader("X-Rekam-Server-Time", Long.toString(System.currentTimeMillis() / 1000));
    }

    List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r; (r = mock.takeRequest(100, TimeUnit.MILLISECONDS)) != null; ) {
            out.add(r);
        }
        return out;
    }

    @Test
    void tusResumableGoesOnEveryTusRequestWhateverThePath() throws Exception {
        mock.enqueue(answer(200).setHeader("Upload-Offset", "0"));
        mock.enqueue(answer(204).setHeader("Upload-Offset", "3"));
        mock.enqueue(answer(200).setHeader("Upload-Offset", "3"));
        mock.enqueue(answer(200).setHeader("Content-Type", "application/json")
                .setBody("{\"items\":[],\"nextCursor\":\"0\",\"hasMore\":false}"));

        api.head("/files/abc");
        api.patch(mock.url("/tus/uploads/xyz").toString(), 0, new byte[] {1, 2, 3});
        api.head("/v1/uploads/u1");
        api.feedback("0", 10);

        List<RecordedRequest> sent = requests();
        assertThat(sent).extracting(RecordedRequest::getPath)
                .containsExactly("/files/abc", "/tus/uploads/xyz", "/v1/uploads/u1", "/v1/feedback?after=0&limit=10");
        assertThat(sent.subList(0, 3)).allSatisfy(r -> assertThat(r.getHeader("Tus-Resumable")).isEqualTo("1.0.0"));
        assertThat(sent.get(3).getHeader("Tus-Resumable")).as("not a tus request").isNull();
    }

    @Test
    void conflictWithoutUploadOffsetIsAskedWithHead() throws Exception {
        mock.enqueue(answer(409).setHeader("Content-Type", "text/plain").setBody("offset conflict\n"));
        mock.enqueue(answer(200).setHeader("Upload-Offset", "65536").setHeader("Upload-Length", "200000"));

        UploadState s = api.patch("/files/abc", 0, new byte[10]);

        assertThat(s.offsetMismatch()).isTrue();
        assertThat(s.offset()).isEqualTo(65536);
        assertThat(requests()).extracting(RecordedRequest::getMethod).containsExactly("PATCH", "HEAD");
    }

    @Test
    void conflictThatSaysTheOffsetNeedsNoHead() throws Exception {
        mock.enqueue(answer(409).setHeader("Upload-Offset", "1024").setHeader("Content-Type", "application/json")
                .setBody("{\"code\":\"offset-mismatch\",\"message\":\"upload is at offset 1024\"}"));

        UploadState s = api.patch("/v1/uploads/u1", 0, new byte[10]);

        assertThat(s.offsetMismatch()).isTrue();
        assertThat(s.offset()).isEqualTo(1024);
        assertThat(requests()).extracting(RecordedRequest::getMethod).containsExactly("PATCH");
    }

    @Test
    void anotherConflictIsARefusalNotAnOffset() throws Exception {
        mock.enqueue(answer(409).setHeader("Content-Type", "application/json")
                .setBody("{\"code\":\"packet-conflict\",\"message\":\"other content\"}"));

        assertThatThrownBy(() -> api.patch("/v1/uploads/u1", 0, new byte[10]))
                .isInstanceOfSatisfying(PacketRefused.class, r -> assertThat(r.code()).isEqualTo("packet-conflict"));
        assertThat(requests()).hasSize(1);
    }

    @Test
    void damagedChunkIsResentAtOnceWithAFreshSignature() throws Exception {
        mock.enqueue(answer(460));
        mock.enqueue(answer(460));
        mock.enqueue(answer(204).setHeader("Upload-Offset", "10"));

        UploadState s = api.patch("/v1/uploads/u1", 0, new byte[10]);

        assertThat(s.offset()).isEqualTo(10);
        List<RecordedRequest> sent = requests();
        assertThat(sent).hasSize(3).allSatisfy(r -> {
            assertThat(r.getMethod()).isEqualTo("PATCH");
            assertThat(r.getHeader("Upload-Offset")).isEqualTo("0");
            assertThat(r.getBodySize()).isEqualTo(10);
        });
        assertThat(sent).extracting(r -> r.getHeader("X-Rekam-Nonce")).doesNotHaveDuplicates();
    }

    @Test
    void damagedCreationWithUploadIsResentAtOnce() throws Exception {
        Packet p = new PacketCodec().encode("p-1", "enrollment", "ST-327601-0001", "2026-11-25T08:00:00Z",
                List.of(new PacketPart("record.json", "application/json", "{}".getBytes(StandardCharsets.UTF_8))));
        // Stands in for a sealed packet: what matters here is the resend, not what the bytes hold.
        SealedPacket envelope = new SealedPacket(p.id(), "enrollment", p.body(), p.sha256(), new byte[64]);
        mock.enqueue(answer(460));
        mock.enqueue(answer(201).setHeader("Location", "/v1/uploads/u1")
                .setHeader("Upload-Offset", Integer.toString(p.body().length))
                .setHeader("X-Rekam-Packet-Status", "received").setHeader("X-Rekam-Packet-Sha256", p.sha256())
                .setHeader("X-Rekam-Receipt", serverKey.receiptHeader("ST-327601-0001", p.id(), p.sha256(), "received")));

        CentralApi.Created created = api.createWithUpload(envelope, PacketCodec.sha256(p.body()));

        assertThat(created.state().completion()).hasValue("received");
        List<RecordedRequest> sent = requests();
        assertThat(sent).hasSize(2).allSatisfy(r -> {
            assertThat(r.getPath()).isEqualTo("/v1/uploads");
            assertThat(r.getHeader("Tus-Resumable")).isEqualTo("1.0.0");
            assertThat(r.getBodySize()).isEqualTo(p.body().length);
        });
    }

    @Test
    void resendsOfADamagedChunkAreBounded() throws Exception {
        for (int i = 0; i < 10; i++) {
            mock.enqueue(answer(460));
        }

        assertThatThrownBy(() -> api.patch("/v1/uploads/u1", 0, new byte[10]))
                .isInstanceOfSatisfying(SyncFailure.class, f -> assertThat(f.kind()).isEqualTo(SyncFailure.Kind.OFFLINE));
        assertThat(requests()).hasSize(CentralApi.MAX_CHECKSUM_RESENDS + 1);
    }
}
