package id.rekam.server.http;

import java.io.IOException;

/** The end of the chain for one route. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request) throws IOException;
}
