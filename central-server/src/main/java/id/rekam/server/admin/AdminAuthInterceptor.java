package id.rekam.server.admin;

import id.rekam.server.http.Interceptor;
import id.rekam.server.http.Request;
import id.rekam.server.http.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** {@code /admin/} needs {@code Authorization: Bearer <admin token>}; without a configured token it does not exist. */
public final class AdminAuthInterceptor implements Interceptor {

    private final String token;

    public AdminAuthInterceptor(String token) {
        this.token = token;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request r = chain.request();
        if (!r.rawPath().startsWith("/admin/")) {
            return chain.proceed(r);
        }
        if (token == null) {
            return Response.error(404, "not-found", "admin endpoint is disabled (no admin token configured)");
        }
        String given = r.header("Authorization").filter(h -> h.startsWith("Bearer ")).map(h -> h.substring(7))
                .orElse("");
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return Response.error(401, "bad-admin-token", "admin token missing or wrong")
                    .header("WWW-Authenticate", "Bearer");
        }
        return chain.proceed(r);
    }
}
