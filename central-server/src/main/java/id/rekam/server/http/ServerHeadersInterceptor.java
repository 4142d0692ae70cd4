package id.rekam.server.http;

import java.io.IOException;
import java.time.Clock;

/** Puts the server clock on every answer so a station can see its own clock skew. */
public final class ServerHeadersInterceptor implements Interceptor {

    public static final String SERVER_TIME = "X-Rekam-Server-Time";

    private final Clock clock;

    public ServerHeadersInterceptor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request()).header(SERVER_TIME, Long.toString(clock.millis() / 1000));
    }
}
