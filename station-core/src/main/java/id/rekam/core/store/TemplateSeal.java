package id.rekam.core.store;

import id.rekam.core.crypto.Aead;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.FingerprintCapture;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A record's finger templates sealed on their own ({@code fingerprint_templates.sealed}, AAD =
 * record id + "templates"), so the duplicate check reads a few KB per record instead of the
 * whole packet body. Plain layout inside the seal: version, count, then per print its position
 * (ordinal), length and the SourceAFIS template as captured.
 */
final class TemplateSeal {

    static final String PURPOSE = "templates";
    private static final byte VERSION = 1;

    private final Aead data;

    TemplateSeal(Aead data) {
        this.data = data;
    }

    static Map<FingerPosition, byte[]> of(EnrollmentRecord record) {
        Map<FingerPosition, byte[]> out = new EnumMap<>(FingerPosition.class);
        for (FingerprintCapture f : record.fingerprints()) {
            if (f.hasPrint()) {
                out.put(f.position(), f.template());
            }
        }
        return out;
    }

    byte[] seal(String recordId, Map<FingerPosition, byte[]> templates) {
        int size = 2;
        for (byte[] t : templates.values()) {
            size += 5 + t.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(VERSION).put((byte) templates.size());
        for (Map.Entry<FingerPosition, byte[]> e : new EnumMap<>(templates).entrySet()) {
            b.put((byte) e.getKey().ordinal()).putInt(e.getValue().length).put(e.getValue());
        }
        return data.encrypt(b.array(), recordId, PURPOSE);
    }

    Map<FingerPosition, byte[]> open(String recordId, byte[] sealed) {
        ByteBuffer b = ByteBuffer.wrap(data.decrypt(sealed, recordId, PURPOSE));
        if (b.get() != VERSION) {
            throw new IllegalStateException("templates of " + recordId + " are of an unknown layout");
        }
        int n = b.get();
        Map<FingerPosition, byte[]> out = new EnumMap<>(FingerPosition.class);
        FingerPosition[] positions = FingerPosition.values();
        for (int i = 0; i < n; i++) {
            FingerPosition p = positions[b.get()];
            byte[] t = new byte[b.getInt()];
            b.get(t);
            out.put(p, t);
        }
        return Collections.unmodifiableMap(out);
    }
}
