package id.rekam.devices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import id.rekam.core.domain.DeviceRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives every device a stable identity and an owner office, persisted in a small JSON file
 * chosen by the caller (or kept in memory when none is given). A device seen for the first
 * time gets an id derived from its identity key, so the same scanner on the same port gets
 * the same id even if the file is lost; a technician can rename it and set its owner (e.g.
 * a scanner borrowed from Kec. Kronjo).
 */
public final class DeviceRegistry {

    /** One known device. */
    public record Entry(String key, String deviceId, String kind, String model, String serial,
                        String ownerOffice, boolean simulated) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(deviceId, "deviceId");
        }

        public DeviceRef toRef() {
            return new DeviceRef(deviceId, kind, model, serial, ownerOffice, simulated);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final String defaultOwnerOffice;
    private final Map<String, Entry> byKey = new LinkedHashMap<>();

    private DeviceRegistry(Path file, String defaultOwnerOffice) {
        this.file = file;
        this.defaultOwnerOffice = defaultOwnerOffice == null ? "" : defaultOwnerOffice;
    }

    /** Opens (or starts) the registry file. */
    public static DeviceRegistry open(Path file, String defaultOwnerOffice) {
        DeviceRegistry registry = new DeviceRegistry(Objects.requireNonNull(file, "file"), defaultOwnerOffice);
        if (Files.exists(file)) {
            try {
                Entry[] entries = JSON.readValue(file.toFile(), Entry[].class);
                for (Entry e : entries) {
                    registry.byKey.put(e.key(), e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("device registry unreadable: " + file, e);
            }
        }
        return registry;
    }

    /** A registry that forgets on exit; for tests and tools. */
    public static DeviceRegistry inMemory(String defaultOwnerOffice) {
        return new DeviceRegistry(null, defaultOwnerOffice);
    }

    /** The device's stable reference; registers it on first sight. */
    public synchronized DeviceRef identify(DeviceIdentity identity) {
        Entry known = byKey.get(identity.key());
        if (known != null) {
            return known.toRef();
        }
        String prefix = switch (identity.kind()) {
            case CAMERA -> "cam";
            case FINGERPRINT_SCANNER -> "fps";
            case SIGNATURE_PAD -> "sig";
        };
        String id = prefix + "-" + (identity.simulated() ? "sim-" : "") + shortHash(identity.key());
        Entry entry = new Entry(identity.key(), id, identity.kind().code(), identity.model(), identity.serial(),
                defaultOwnerOffice, identity.simulated());
        byKey.put(entry.key(), entry);
        save();
        return entry.toRef();
    }

    /**
     * A technician names a device and/or records who owns it. {@code newDeviceId} or
     * {@code ownerOffice} may be null to keep the current value.
     */
    public synchronized DeviceRef assign(String deviceId, String newDeviceId, String ownerOffice) {
        Entry e = byKey.values().stream().filter(x -> x.deviceId().equals(deviceId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown device " + deviceId));
        if (newDeviceId != null && !newDeviceId.equals(deviceId)
                && byKey.values().stream().anyMatch(x -> x.deviceId().equals(newDeviceId))) {
            throw new IllegalArgumentException("device id already in use: " + newDeviceId);
        }
        Entry updated = new Entry(e.key(), newDeviceId == null ? e.deviceId() : newDeviceId, e.kind(), e.model(),
                e.serial(), ownerOffice == null ? e.ownerOffice() : ownerOffice, e.simulated());
        byKey.put(e.key(), updated);
        save();
        return updated.toRef();
    }

    public synchronized Optional<Entry> find(String deviceId) {
        return byKey.values().stream().filter(x -> x.deviceId().equals(deviceId)).findFirst();
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(new ArrayList<>(byKey.values()));
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            byte[] json = JSON.writeValueAsBytes(byKey.values().toArray(new Entry[0]));
            id.rekam.core.io.DurableFiles.write(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException("device registry not saved: " + file, e);
        }
    }

    private static String shortHash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
