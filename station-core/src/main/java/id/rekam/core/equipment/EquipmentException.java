package id.rekam.core.equipment;

import id.rekam.core.store.StoreException;
import id.rekam.core.text.Bundles;

import java.util.Locale;

/**
 * A refused register or loan operation, explained to a person. Text from
 * {@code id/rekam/core/equipment/messages*.properties} (Bahasa Indonesia by default). Thrown
 * before or inside the transaction, so nothing of the operation remains. A
 * {@link StoreException} so screens that already show store refusals show these too.
 */
public class EquipmentException extends StoreException {

    static final String BUNDLE = "id.rekam.core.equipment.messages";

    private final String key;
    private final transient Object[] values;

    public EquipmentException(String messageKey, Object... args) {
        super(messageKey, args);
        this.key = messageKey;
        this.values = args.clone();
    }

    @Override
    public String getMessage() {
        return localizedMessage(Locale.ROOT);
    }

    @Override
    public String localizedMessage(Locale locale) {
        return Bundles.format(BUNDLE, locale, key, values);
    }
}
