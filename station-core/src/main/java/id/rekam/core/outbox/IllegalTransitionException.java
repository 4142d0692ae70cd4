package id.rekam.core.outbox;

/** An outbox state change that {@link OutboxState} does not allow. Nothing was changed. */
public class IllegalTransitionException extends IllegalStateException {

    private final String packetId;
    private final OutboxState from;
    private final OutboxState to;

    public IllegalTransitionException(String packetId, OutboxState from, OutboxState to) {
        super("packet " + packetId + " cannot move from " + from + " to " + to);
        this.packetId = packetId;
        this.from = from;
        this.to = to;
    }

    public String packetId() {
        return packetId;
    }

    public OutboxState from() {
        return from;
    }

    public OutboxState to() {
        return to;
    }
}
