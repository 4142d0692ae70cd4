package id.rekam.core.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.rekam.core.crypto.Aead;
import id.rekam.core.verdict.ServerVerdict;

import java.io.IOException;

/**
 * A verdict's data as sealed JSON in {@code verdicts.data}. The AAD binds it to its packet and
 * its kind ({@code verdict-duplicate}, ...), so a duplicate's data copied onto another packet, or
 * passed off as a rejection, fails to open.
 */
final class VerdictSeal {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Aead data;

    VerdictSeal(Aead data) {
        this.data = data;
    }

    static String purpose(ServerVerdict.Kind kind) {
        return "verdict-" + kind.wire();
    }

    byte[] seal(String packetId, ServerVerdict verdict) {
        try {
            return data.encrypt(JSON.writeValueAsBytes(verdict), packetId, purpose(verdict.kind()));
        } catch (IOException e) {
            throw new IllegalArgumentException("verdict not serialisable: " + verdict.kind(), e);
        }
    }

    ServerVerdict open(String packetId, ServerVerdict.Kind kind, byte[] sealed) {
        byte[] json = data.decrypt(sealed, packetId, purpose(kind));
        Class<? extends ServerVerdict> type = switch (kind) {
            case ACCEPTED -> ServerVerdict.Accepted.class;
            case PRINT_READY -> ServerVerdict.PrintReady.class;
            case DUPLICATE -> ServerVerdict.Duplicate.class;
            case REJECTED -> ServerVerdict.Rejected.class;
            case NEEDS_REVIEW -> ServerVerdict.NeedsReview.class;
        };
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("stored " + kind.wire() + " verdict of " + packetId + " is unreadable", e);
        }
    }
}
