package id.rekam.core.cards;

import id.rekam.core.json.FeatureJson;

/** JSON for sealed documents and sync event payloads of this package ({@link FeatureJson}). */
final class CardJson {

    private CardJson() {
    }

    static String write(Object value) {
        return FeatureJson.write(value);
    }

    static byte[] bytes(Object value) {
        return FeatureJson.bytes(value);
    }

    static <T> T read(byte[] json, Class<T> type) {
        return FeatureJson.read(json, type);
    }
}
