package id.rekam.sync.http;

import id.rekam.server.auth.CanonicalRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SigningInterceptorTest {

    @Test
    void canonicalFormIsByteForByteTheServers() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(SigningInterceptor.canonical("POST", "/v1/feedback?after=3&limit=2", "ST-1", "1764039600",
                "abcdefghijklmnop", body))
                .isEqualTo(CanonicalRequest.bytes("POST", "/v1/feedback?after=3&limit=2", "ST-1", "1764039600",
                        "abcdefghijklmnop", body));
        assertThat(SigningInterceptor.canonical("HEAD", "/v1/uploads/x", "ST-1", "1", "n", new byte[0]))
                .isEqualTo(CanonicalRequest.bytes("HEAD", "/v1/uploads/x", "ST-1", "1", "n", new byte[0]));
    }
}
