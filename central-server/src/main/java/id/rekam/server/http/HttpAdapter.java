package id.rekam.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Bridges the JDK server to the interceptor chain. Throwing out of {@link #handle} makes the
 * JDK server close the connection without a response, which is how a dropped connection is
 * produced on purpose ({@link DropConnection}) and how a vanished client is left alone.
 */
public final class HttpAdapter implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HttpAdapter.class);

    private final List<Interceptor> interceptors;
    private final Handler router;
    private final long maxBody;

    public HttpAdapter(List<Interceptor> interceptors, Handler router, long maxBody) {
        this.interceptors = List.copyOf(interceptors);
        this.router = router;
        this.maxBody = maxBody;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ExchangeGuard guard = GuardedExecutor.current();
        guard.headersRead();
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
                new GuardedBody(exchange.getRequestBody(), guard), maxBody,
                exchange.getRemoteAddress().getAddress().getHostAddress());
        Response response;
        try {
            response = new InterceptorChain(interceptors, router, request).proceed(request);
        } catch (ApiException e) {
            response = e.toResponse();
        } catch (DropConnection e) {
            LOG.debug("dropping connection on purpose: {}", e.getMessage());
            throw e;
        } catch (IOException e) {
            LOG.debug("client connection failed: {}", e.toString());
            throw e;
        } catch (id.rekam.server.store.StoreException e) {
            // Disk or database trouble is usually passing (full disk, busy file): ask the station to come back.
            LOG.error("storage failure on {} {}", request.method(), request.rawPath(), e);
            response = Response.error(503, "storage-unavailable", "server storage is unavailable, try again later")
                    .header("Retry-After", "30");
        } catch (RuntimeException e) {
            LOG.error("unexpected error on {} {}", request.method(), request.rawPath(), e);
            response = Response.error(500, "internal-error", "unexpected server error");
        }
        if (response.status() == 408 || guard.expired()) {
            // The rest of the body is not worth waiting for: the JDK closes the connection after this answer.
            response.header("Connection", "close");
        }
        guard.sending();
        send(exchange, request, response, maxBody);
    }

    private static void send(HttpExchange exchange, Request request, Response response, long drainLimit)
            throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = response.body();
        boolean noBody = body.length == 0 || "HEAD".equals(request.method()) || response.status() == 204;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
                out.flush();
                if (response.status() >= 400 && !"close".equalsIgnoreCase(response.headers().get("Connection"))) {
                    discardUnreadBody(exchange, drainLimit);
                }
            }
        }
        exchange.close();
    }

    /**
     * A refusal answered before the body was read (bad signature, quota, size) reaches the client
     * only if the connection is not reset under it: closing a socket with unread bytes sends an RST,
     * and the client's stack may drop the answer it has not read yet. So the rest of the body is read
     * and thrown away — up to the body limit, under the request's time limits — after the answer is
     * flushed; memory stays one small buffer. A body announced larger than the limit is not waited for.
     */
    private static void discardUnreadBody(HttpExchange exchange, long limit) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            if (length != null && Long.parseLong(length.trim()) > limit) {
                return;
            }
        } catch (NumberFormatException e) {
            return;
        }
        byte[] buffer = new byte[16 * 1024];
        long left = limit;
        try {
            InputStream in = exchange.getRequestBody();
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            LOG.debug("client went away while the rest of a refused body was discarded: {}", e.toString());
        }
    }
}
