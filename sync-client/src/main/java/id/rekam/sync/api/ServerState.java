package id.rekam.sync.api;

import id.rekam.sync.SyncFailure;

import java.util.Arrays;

/** Packet states on the server, by their wire names. An unknown name is a protocol error. */
public enum ServerState {
    AWAITING_UPLOAD("awaiting-upload"),
    RECEIVED("received"),
    ACCEPTED("accepted"),
    DUPLICATE("duplicate"),
    REJECTED("rejected"),
    /** An official reviews the record before it is accepted or refused (duplicate policy, sync-protocol.md §5). */
    NEEDS_REVIEW("needs-review"),
    PRINT_READY("print-ready"),
    /** Voided by a KTP ganda case's outcome after its verdict (sync-protocol.md §7); not a verdict of its own. */
    VOIDED_DUPLICATE("voided-duplicate");

    private final String wire;

    ServerState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Body stored durably on the server: the station may call the packet delivered. */
    public boolean durablyStored() {
        return this != AWAITING_UPLOAD;
    }

    /** Decided: the view carries a signed verdict. */
    public boolean isVerdict() {
        return this != AWAITING_UPLOAD && this != RECEIVED && this != VOIDED_DUPLICATE;
    }

    public static java.util.Optional<ServerState> fromWireIfKnown(String s) {
        return Arrays.stream(values()).filter(v -> v.wire.equals(s)).findFirst();
    }

    public static ServerState fromWire(String s) throws SyncFailure {
        return Arrays.stream(values()).filter(v -> v.wire.equals(s)).findFirst()
                .orElseThrow(() -> new SyncFailure(SyncFailure.Kind.PROTOCOL, "unknown packet state '" + s + "'"));
    }
}
