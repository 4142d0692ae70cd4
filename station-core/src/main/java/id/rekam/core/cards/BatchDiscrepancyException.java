package id.rekam.core.cards;

/** The batch did not reconcile; it was flagged (stored as a {@link BatchFlag}) and none of its cards entered stock. */
public final class BatchDiscrepancyException extends CardException {

    private final transient BatchFlag flag;

    BatchDiscrepancyException(BatchFlag flag) {
        super(flag.duplicateSerials().isEmpty() ? "batch.countMismatch" : "batch.duplicates",
                flag.batchId(), flag.declaredCount(), flag.listedCount(), String.join(", ", flag.duplicateSerials()));
        this.flag = flag;
    }

    public BatchFlag flag() {
        return flag;
    }
}
