package id.rekam.server.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps method + path template (segments like {@code {id}} capture one path segment) to a
 * handler. Unknown path gives 404, known path with another method gives 405.
 */
public final class Router implements Handler {

    private record Route(String method, String[] segments, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, Handler handler) {
        routes.add(new Route(method, split(template), handler));
        return this;
    }

    @Override
    public Response handle(Request request) throws IOException {
        String[] path = split(request.rawPath());
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : routes) {
            if (matches(r.segments, path, request, false)) {
                if (r.method.equals(request.method())) {
                    matches(r.segments, path, request, true);
                    return r.handler.handle(request);
                }
                allowed.add(r.method);
            }
        }
        if (!allowed.isEmpty()) {
            return Response.error(405, "method-not-allowed", request.method() + " is not allowed here")
                    .header("Allow", String.join(", ", allowed));
        }
        return Response.error(404, "not-found", "no such resource");
    }

    private static boolean matches(String[] template, String[] path, Request request, boolean bind) {
        if (template.length != path.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return false;
                }
                if (bind) {
                    request.attribute("path." + t.substring(1, t.length() - 1),
                            java.net.URLDecoder.decode(path[i], java.nio.charset.StandardCharsets.UTF_8));
                }
            } else if (!t.equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.split("/", -1);
    }
}
