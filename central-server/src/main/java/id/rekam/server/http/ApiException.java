package id.rekam.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** Thrown anywhere in the chain to answer with an error body; mapped by {@link HttpAdapter}. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Response toResponse() {
        Response r = Response.error(status, code, getMessage());
        headers.forEach(r::header);
        return r;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
