package id.rekam.core.coverage;

/**
 * Recorded, delivered (the server holds it), accepted and duplicate, for one cell of a tally.
 * Numbers only.
 */
public record Counts(long recorded, long delivered, long accepted, long duplicate) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(recorded + o.recorded, delivered + o.delivered, accepted + o.accepted,
                duplicate + o.duplicate);
    }
}
