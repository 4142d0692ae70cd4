package id.rekam.server.packets;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * Life of a packet on the server. {@code received} and everything after it mean the body
 * is stored durably; {@code rejected} may come before storing (body did not verify) or after
 * (content refused); {@code needs-review} waits for an official (the duplicate policy's
 * {@code NEEDS_REVIEW}), who then accepts it, marks it duplicate or rejects it.
 * {@code voided-duplicate} follows a decided record whose KTP ganda case voided it.
 */
public enum PacketState {
    AWAITING_UPLOAD("awaiting-upload"),
    RECEIVED("received"),
    ACCEPTED("accepted"),
    DUPLICATE("duplicate"),
    REJECTED("rejected"),
    NEEDS_REVIEW("needs-review"),
    PRINT_READY("print-ready"),
    /** One of two records of the same person, voided by a KTP ganda case's outcome (docs/design/cases.md). */
    VOIDED_DUPLICATE("voided-duplicate");

    private final String wire;

    PacketState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static PacketState fromWire(String s) {
        return Arrays.stream(values()).filter(v -> v.wire.equals(s)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown packet state " + s));
    }
}
