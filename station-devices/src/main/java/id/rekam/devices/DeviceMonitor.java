package id.rekam.devices;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Polls every provider on a background thread and publishes what changed: a device
 * plugged in (CONNECTED), pulled out (DISCONNECTED), or a provider that cannot work
 * (FAILED with the reason). This is how a replugged or swapped scanner is picked up
 * without restarting the app. A probe that hangs (a stuck camera driver) is abandoned
 * after the probe timeout and reported, and is not started again until it returns.
 */
public final class DeviceMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceMonitor.class);

    private static final long PROBE_GRACE_MS = 300;

    private final List<DeviceProvider<?>> providers;
    private final Duration interval;
    private final Duration probeTimeout;
    private final List<DeviceListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService probes;
    private final Map<String, Map<String, DetectedDevice>> connected = new HashMap<>();
    private final Map<String, String> providerOutcome = new HashMap<>();
    private final Map<String, Future<List<DetectedDevice>>> inFlight = new HashMap<>();
    private final Map<String, DeviceStatus> latest = new LinkedHashMap<>();
    /** Guards the state maps; separate from polling so readers never wait for a slow probe. */
    private final Object state = new Object();

    public DeviceMonitor(List<DeviceProvider<?>> providers, Duration interval, Duration probeTimeout) {
        this.providers = List.copyOf(providers);
        this.interval = Objects.requireNonNull(interval, "interval");
        this.probeTimeout = Objects.requireNonNull(probeTimeout, "probeTimeout");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("rekam-device-monitor"));
        this.probes = Executors.newCachedThreadPool(daemon("rekam-device-probe"));
    }

    public void addListener(DeviceListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(DeviceListener listener) {
        listeners.remove(listener);
    }

    /** Starts polling; the first poll runs at once on the monitor thread. */
    public void start() {
        scheduler.scheduleWithFixedDelay(this::pollSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One poll of every provider on the caller's thread; bounded by the probe timeout per provider. */
    public synchronized void pollOnce() {
        for (DeviceProvider<?> provider : providers) {
            poll(provider);
        }
    }

    /** Devices currently attached, of the given kind, in the order providers were given. */
    public List<Attached> attached(DeviceKind kind) {
        synchronized (state) {
            List<Attached> result = new ArrayList<>();
            for (DeviceProvider<?> p : providers) {
                if (p.kind() == kind) {
                    connected.getOrDefault(p.id(), Map.of()).values().forEach(d -> result.add(new Attached(p, d)));
                }
            }
            return result;
        }
    }

    /** The last status of every device and provider, for a status panel. */
    public List<DeviceStatus> statuses() {
        synchronized (state) {
            return List.copyOf(latest.values());
        }
    }

    /** A device currently attached and the provider that can open it. */
    public record Attached(DeviceProvider<?> provider, DetectedDevice device) {
    }

    private void pollSafely() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            LOG.warn("device poll failed", e);
        }
    }

    private void poll(DeviceProvider<?> provider) {
        String pid = provider.id();
        Future<List<DetectedDevice>> future = inFlight.get(pid);
        if (future == null) {
            future = probes.submit(provider::probe);
            inFlight.put(pid, future);
        }
        List<DetectedDevice> found;
        try {
            // A little grace so a provider's own, more specific timeout is reported first.
            found = future.get(probeTimeout.toMillis() + PROBE_GRACE_MS, TimeUnit.MILLISECONDS);
            inFlight.remove(pid);
        } catch (TimeoutException e) {
            synchronized (state) {
                providerFailed(provider, "device.probe.timeout", probeTimeout.toMillis() + " ms");
            }
            return;
        } catch (ExecutionException e) {
            inFlight.remove(pid);
            Throwable cause = e.getCause();
            synchronized (state) {
                if (cause instanceof DeviceException de) {
                    providerFailed(provider, de.key(), de.args().length > 0 ? String.valueOf(de.args()[0]) : "");
                } else {
                    providerFailed(provider, "device.provider.failed", String.valueOf(cause));
                }
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (state) {
            update(provider, found);
        }
    }

    private void providerFailed(DeviceProvider<?> provider, String key, String detail) {
        String outcome = "FAILED:" + key + ":" + detail;
        if (outcome.equals(providerOutcome.put(provider.id(), outcome))) {
            return;
        }
        dropAll(provider);
        publish(provider.id(), new DeviceStatus(provider.kind(), provider.id(), null, DeviceState.FAILED, key, detail));
    }

    private void update(DeviceProvider<?> provider, List<DetectedDevice> found) {
        Map<String, DetectedDevice> now = new LinkedHashMap<>();
        found.forEach(d -> now.put(d.ref().deviceId(), d));
        Map<String, DetectedDevice> before = connected.computeIfAbsent(provider.id(), k -> new LinkedHashMap<>());
        for (String gone : Set.copyOf(before.keySet())) {
            if (!now.containsKey(gone)) {
                DetectedDevice d = before.remove(gone);
                publish(gone, new DeviceStatus(provider.kind(), provider.id(), d.ref(), DeviceState.DISCONNECTED, "", ""));
            }
        }
        for (DetectedDevice d : now.values()) {
            if (before.put(d.ref().deviceId(), d) == null) {
                publish(d.ref().deviceId(), new DeviceStatus(provider.kind(), provider.id(), d.ref(), DeviceState.CONNECTED, "", ""));
            }
        }
        String outcome = now.isEmpty() ? "NONE" : "SOME";
        String previous = providerOutcome.put(provider.id(), outcome);
        if (now.isEmpty() && !"NONE".equals(previous)) {
            String key = provider.kind() == DeviceKind.CAMERA ? "camera.none" : "device.none";
            publish(provider.id(), new DeviceStatus(provider.kind(), provider.id(), null, DeviceState.DISCONNECTED, key, provider.id()));
        } else if (!now.isEmpty() && previous != null && previous.startsWith("FAILED")) {
            latest.remove(provider.id());
        }
    }

    private void dropAll(DeviceProvider<?> provider) {
        Map<String, DetectedDevice> before = connected.getOrDefault(provider.id(), new HashMap<>());
        for (DetectedDevice d : before.values()) {
            publish(d.ref().deviceId(), new DeviceStatus(provider.kind(), provider.id(), d.ref(), DeviceState.DISCONNECTED, "", ""));
        }
        before.clear();
    }

    private void publish(String slot, DeviceStatus status) {
        latest.put(slot, status);
        LOG.info("device {} {} {}", status.deviceRef().map(r -> r.deviceId()).orElse(status.providerId()),
                status.state(), status.reasonKey());
        for (DeviceListener l : listeners) {
            try {
                l.onStatus(status);
            } catch (RuntimeException e) {
                LOG.warn("device listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        probes.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
