package id.rekam.server.http;

/** The JSON body of every error response: a stable machine-readable code and a message for people. */
public record ApiError(String code, String message) {
}
