package id.rekam.server.interop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The third-party pair on its own: tus-js-client against @tus/server, interrupted and resumed.
 * It shows the Node scripts speak plain tus (so the rekam tests measure our server, not the
 * scripts) and that the @tus/server harness works for testing the station's own tus client.
 */
class TusNodeServerHarnessTest {

    @TempDir
    Path tmp;

    @Test
    void tusJsClientUploadsAndResumesAgainstTusServer() throws Exception {
        NodeTus node = NodeTus.require();
        byte[] body = new byte[200_000];
        new Random(7).nextBytes(body);
        Path file = tmp.resolve("body.bin");
        Files.write(file, body);
        Files.createDirectories(tmp.resolve("store"));
        Map<String, String> env = Map.of("TUS_URL_STORAGE", tmp.resolve("urls.json").toString(),
                "TUS_CHUNK_SIZE", "65536");

        try (NodeTus.TusServer tus = node.startServer(tmp.resolve("store"))) {
            NodeTus.Run first = node.upload(tus.endpoint(), file, Map.of("TUS_URL_STORAGE", env.get("TUS_URL_STORAGE"),
                    "TUS_CHUNK_SIZE", "65536", "TUS_STOP_AFTER_CHUNKS", "1"), "filename=body.bin");
            assertThat(first.exitCode()).as(first.toString()).isEqualTo(3);
            URI upload = URI.create(first.last("interrupted").orElseThrow().get("url").asText());

            // Plain tus HEAD, as any client would ask after a restart.
            HttpResponse<Void> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(upload)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Tus-Resumable", "1.0.0").build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Upload-Offset")).hasValue("65536");
            assertThat(head.headers().firstValue("Upload-Length")).hasValue("200000");

            NodeTus.Run second = node.upload(tus.endpoint(), file, env, "filename=body.bin");
            assertThat(second.exitCode()).as(second.toString()).isZero();
            JsonNode resumeHead = second.exchanges().get(0);
            assertThat(resumeHead.get("method").asText()).isEqualTo("HEAD");
            assertThat(second.exchanges("PATCH").get(0).at("/sent/Upload-Offset").asText()).isEqualTo("65536");
            assertThat(Files.readAllBytes(tus.file(upload))).isEqualTo(body);
        }
    }
}
