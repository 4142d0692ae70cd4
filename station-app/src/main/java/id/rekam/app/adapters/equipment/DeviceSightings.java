package id.rekam.app.adapters.equipment;

import id.rekam.core.domain.DeviceRef;
import id.rekam.core.equipment.EquipmentRegister;
import id.rekam.core.store.StationStore;
import id.rekam.devices.DeviceKind;
import id.rekam.devices.DeviceListener;
import id.rekam.devices.DeviceMonitor;
import id.rekam.devices.DeviceState;
import id.rekam.devices.DeviceStatus;
import id.rekam.devices.Devices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Puts every device the device monitor sees into the equipment register of the unlocked store
 * (core {@code equipment}), so the register holds every device the station has seen. Devices seen
 * while the store is locked are registered by {@link #flush()} once it is open (the screens call it).
 */
public final class DeviceSightings implements DeviceListener {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSightings.class);

    private final Supplier<Optional<StationStore>> store;
    private final Supplier<Devices> devices;
    /** Per open store, the devices already registered this session (a sighting is a write). */
    private final Map<StationStore, Set<String>> registered = Collections.synchronizedMap(new IdentityHashMap<>());

    public DeviceSightings(Supplier<Optional<StationStore>> store, Supplier<Devices> devices) {
        this.store = store;
        this.devices = devices;
    }

    @Override
    public void onStatus(DeviceStatus status) {
        if (status.state() == DeviceState.CONNECTED && status.device() != null) {
            store.get().ifPresent(s -> seen(s, status.device(), true));
        }
    }

    /** Registers every device attached now (the screens call it before they list the register). */
    public void flush() {
        Optional<StationStore> s = store.get();
        Devices d = devices.get();
        if (s.isEmpty() || d == null) {
            return;
        }
        for (DeviceKind kind : DeviceKind.values()) {
            for (DeviceMonitor.Attached a : d.monitor().attached(kind)) {
                seen(s.get(), a.device().ref(), false);
            }
        }
    }

    private void seen(StationStore s, DeviceRef ref, boolean always) {
        Set<String> done = registered.computeIfAbsent(s, k -> ConcurrentHashMap.newKeySet());
        if (!always && done.contains(ref.deviceId())) {
            return;
        }
        try {
            new EquipmentRegister(s).seen(ref);
            done.add(ref.deviceId());
        } catch (RuntimeException e) {
            // A closed store (logout in between) or a full disk: the next sighting or flush tries again.
            LOG.warn("device {} not registered: {}", ref.deviceId(), e.toString());
        }
    }
}
