package id.rekam.app.service;

/** What becomes available once the store is unlocked. */
public interface OpenStore extends AutoCloseable {

    OperatorService operators();

    RecordService records();

    DraftService drafts();

    @Override
    void close();
}
