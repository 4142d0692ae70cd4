package id.rekam.core.store;

/** The database was written by a newer rekam; migrations only go forward, so it is left untouched. */
public class NewerSchemaException extends StoreException {

    public NewerSchemaException(int found, int supported) {
        super("store.newerSchema", found, supported);
    }
}
