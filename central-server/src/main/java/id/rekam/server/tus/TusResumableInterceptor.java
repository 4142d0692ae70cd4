package id.rekam.server.tus;

import id.rekam.server.http.Interceptor;
import id.rekam.server.http.Request;
import id.rekam.server.http.Response;

import java.io.IOException;

/**
 * tus version negotiation on the upload paths: a request other than OPTIONS without
 * {@code Tus-Resumable: 1.0.0} gets 412, and every such response carries the header.
 */
public final class TusResumableInterceptor implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request r = chain.request();
        if (!TusProtocol.isTusPath(r.rawPath()) || r.method().equals("OPTIONS")) {
            return chain.proceed(r);
        }
        if (!TusProtocol.VERSION.equals(r.header("Tus-Resumable").orElse(null))) {
            return Response.error(412, "tus-version-unsupported", "Tus-Resumable must be " + TusProtocol.VERSION)
                    .header("Tus-Version", TusProtocol.VERSION)
                    .header("Tus-Resumable", TusProtocol.VERSION);
        }
        return chain.proceed(r).header("Tus-Resumable", TusProtocol.VERSION);
    }
}
