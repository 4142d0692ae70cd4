package id.rekam.server.http;

import java.io.IOException;
import java.util.List;

/** Runs interceptors in order and finally the terminal handler (the router). */
public final class InterceptorChain implements Interceptor.Chain {

    private final List<Interceptor> interceptors;
    private final int index;
    private final Request request;
    private final Handler terminal;

    public InterceptorChain(List<Interceptor> interceptors, Handler terminal, Request request) {
        this(interceptors, 0, request, terminal);
    }

    private InterceptorChain(List<Interceptor> interceptors, int index, Request request, Handler terminal) {
        this.interceptors = interceptors;
        this.index = index;
        this.request = request;
        this.terminal = terminal;
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public Response proceed(Request next) throws IOException {
        // Errors become responses at the link that raised them, so outer interceptors
        // (e.g. the one adding Tus-Resumable) see and decorate error answers too.
        try {
            if (index >= interceptors.size()) {
                return terminal.handle(next);
            }
            return interceptors.get(index).intercept(new InterceptorChain(interceptors, index + 1, next, terminal));
        } catch (ApiException e) {
            return e.toResponse();
        }
    }
}
