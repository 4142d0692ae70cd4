package id.rekam.core.cards;

import id.rekam.core.text.JsonDocs;

/** JSON for sealed documents and sync event payloads of this package ({@link JsonDocs}). */
final class CardJson {

    private CardJson() {
    }

    static String write(Object value) {
        return JsonDocs.write(value);
    }

    static byte[] bytes(Object value) {
        return JsonDocs.bytes(value);
    }

    static <T> T read(byte[] json, Class<T> type) {
        return JsonDocs.read(json, type);
    }
}
