package id.rekam.core.trust;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerAddressTest {

    private static final String PIN = "sha256/" + "A".repeat(43) + "=";

    @Test
    void httpsNeedsAWellFormedPin() {
        assertThat(ServerAddress.check("https://pusat.example.go.id", PIN).base().toString())
                .isEqualTo("https://pusat.example.go.id/");
        assertThatThrownBy(() -> ServerAddress.check("https://pusat.example.go.id/", null))
                .isInstanceOfSatisfying(ServerAddress.Refused.class,
                        r -> assertThat(r.problem()).isEqualTo(ServerAddress.Problem.PIN_REQUIRED));
        assertThatThrownBy(() -> ServerAddress.check("https://pusat.example.go.id/", "sha256/short"))
                .isInstanceOfSatisfying(ServerAddress.Refused.class,
                        r -> assertThat(r.problem()).isEqualTo(ServerAddress.Problem.BAD_PIN));
    }

    @Test
    void plainHttpOnlyToThisMachine() {
        assertThat(ServerAddress.check("http://127.0.0.1:8080", null).pin()).isNull();
        assertThat(ServerAddress.check("http://localhost:8080/", "").base().toString())
                .isEqualTo("http://localhost:8080/");
        assertThat(ServerAddress.check("http://[::1]:8080/", null).base().getPort()).isEqualTo(8080);
        for (String url : new String[] {"http://10.0.0.5:8080/", "http://pusat.example.go.id/",
                "http://127.0.0.1.example.com/"}) {
            assertThatThrownBy(() -> ServerAddress.check(url, null))
                    .isInstanceOfSatisfying(ServerAddress.Refused.class,
                            r -> assertThat(r.problem()).isEqualTo(ServerAddress.Problem.HTTP_OUTSIDE_LOOPBACK));
        }
        assertThatThrownBy(() -> ServerAddress.check("ftp://127.0.0.1/", null))
                .isInstanceOf(ServerAddress.Refused.class);
    }
}
