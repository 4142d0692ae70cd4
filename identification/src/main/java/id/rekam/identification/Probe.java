package id.rekam.identification;

import id.rekam.core.domain.FingerPosition;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A record to check: its prints (serialised SourceAFIS templates by position), how many
 * fingers were marked as exceptions, and the id under which the record itself may already
 * be indexed (never reported as its own duplicate), or null.
 */
public record Probe(Map<FingerPosition, byte[]> prints, int exceptions, String self) {

    public Probe {
        Objects.requireNonNull(prints, "prints");
        EnumMap<FingerPosition, byte[]> copy = new EnumMap<>(FingerPosition.class);
        copy.putAll(prints);
        prints = java.util.Collections.unmodifiableMap(copy);
        if (exceptions < 0 || exceptions + prints.size() > FingerPosition.values().length) {
            throw new IllegalArgumentException("prints and exceptions exceed ten fingers");
        }
    }

    public static Probe of(Map<FingerPosition, byte[]> prints, int exceptions) {
        return new Probe(prints, exceptions, null);
    }
}
