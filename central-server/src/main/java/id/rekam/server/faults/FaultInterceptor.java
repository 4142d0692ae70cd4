package id.rekam.server.faults;

import id.rekam.server.http.DropConnection;
import id.rekam.server.http.Interceptor;
import id.rekam.server.http.Request;
import id.rekam.server.http.Response;

import java.io.IOException;
import java.util.Optional;

/** Outermost link: plays an armed fault. Admin paths are exempt so a demo can always disarm. */
public final class FaultInterceptor implements Interceptor {

    static final String PORTAL = """
            <!DOCTYPE html>
            <html><head><title>Wi-Fi Login</title></head>
            <body><h1>Selamat datang</h1><p>Silakan login untuk menggunakan internet.</p>
            <form method="post" action="/login"><input name="voucher"><button>Masuk</button></form></body></html>
            """;

    private final FaultInjector faults;

    public FaultInterceptor(FaultInjector faults) {
        this.faults = faults;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request r = chain.request();
        if (r.rawPath().startsWith("/admin/")) {
            return chain.proceed(r);
        }
        Optional<Fault> armed = faults.take(r.method(), r.rawPath());
        if (armed.isEmpty()) {
            return chain.proceed(r);
        }
        Fault f = armed.get();
        switch (f.type()) {
            case DROP_REQUEST -> {
                long read = r.consumeUpTo(f.afterBytes());
                throw new DropConnection("fault: dropped after " + read + " request body bytes");
            }
            case DROP_RESPONSE -> {
                chain.proceed(r);
                throw new DropConnection("fault: response dropped");
            }
            case STALL -> {
                try {
                    Thread.sleep(f.stallMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return chain.proceed(r);
            }
            case STATUS -> {
                return Response.error(f.status(), f.status() == 429 ? "rate-limited" : "unavailable",
                                "fault injected: try again later")
                        .header("Retry-After", Integer.toString(f.retryAfterSeconds()));
            }
            case CAPTIVE_PORTAL -> {
                return Response.html(200, PORTAL);
            }
            default -> throw new IllegalStateException("unknown fault " + f.type());
        }
    }
}
