package id.rekam.sync.http;

import id.rekam.sync.SyncFailure;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * tus 1.0.0: {@code Tus-Resumable} on every tus request but OPTIONS, and a successful answer
 * must carry it back (otherwise we are not talking to a tus server). A request is a tus
 * request because its caller says so ({@link #mark}), not because of its path: an upload URL
 * is whatever the server's {@code Location} named, under any prefix.
 */
public final class TusResumableInterceptor implements Interceptor {

    public static final String HEADER = "Tus-Resumable";
    public static final String VERSION = "1.0.0";

    /** The tag that makes a request a tus request. */
    private enum Tus { REQUEST }

    /** Marks a request as a tus request (creation, HEAD, PATCH). */
    public static Request.Builder mark(Request.Builder request) {
        return request.tag(Tus.class, Tus.REQUEST);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request r = chain.request();
        if (r.tag(Tus.class) == null || r.method().equals("OPTIONS")) {
            return chain.proceed(r);
        }
        Response response = chain.proceed(r.newBuilder().header(HEADER, VERSION).build());
        if (response.isSuccessful() && !VERSION.equals(response.header(HEADER))) {
            response.close();
            throw new SyncFailure(SyncFailure.Kind.PROTOCOL,
                    "upload answer without Tus-Resumable " + VERSION + " (got " + response.header(HEADER) + ")");
        }
        return response;
    }
}
