package id.rekam.diag.camera;

import id.rekam.core.diag.DiagnosticLimits;
import id.rekam.core.photo.PhotoQuality;
import id.rekam.core.photo.Portraits;
import id.rekam.devices.Camera;
import id.rekam.devices.CameraFrame;
import id.rekam.devices.DeviceException;
import id.rekam.devices.DeviceKind;
import id.rekam.devices.DeviceMonitor;
import id.rekam.devices.DeviceProvider;
import id.rekam.devices.DeviceState;
import id.rekam.devices.DeviceStatus;
import id.rekam.devices.Devices;
import id.rekam.devices.FrameListener;
import id.rekam.diag.Check;
import id.rekam.diag.Probe;
import id.rekam.diag.Step;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The camera: its driver, the cameras found, a short stream (resolution, measured frame rate) and
 * one test frame judged by the desk's own photo rules ({@link PhotoQuality}: brightness and
 * sharpness; the backdrop is the office's set-up, not the camera's). The frame is shown on the
 * screen and never kept.
 */
public final class CameraCheck implements Check {

    static final Duration FIRST_FRAME = Duration.ofSeconds(6);
    static final Duration MEASURE = Duration.ofSeconds(2);

    private final Supplier<Devices> devices;
    private final Runnable releaseDesk;

    public CameraCheck(Supplier<Devices> devices, Runnable releaseDesk) {
        this.devices = devices;
        this.releaseDesk = releaseDesk;
    }

    @Override
    public String area() {
        return "camera";
    }

    @Override
    public Duration budget() {
        return Duration.ofSeconds(20);
    }

    @Override
    public void run(Probe probe) throws InterruptedException {
        Devices d = devices.get();
        Step driver = probe.step("driver");
        if (d == null) {
            driver.warn("camera.driver.starting", "scanner.ports.starting.next");
            return;
        }
        List<String> providers = d.providers().stream().filter(p -> p.kind() == DeviceKind.CAMERA)
                .map(DeviceProvider::id).toList();
        String configured = d.context().config().cameraDriver();
        driver.fact("configured", configured).fact("providers", String.join(",", providers));
        d.monitor().pollOnce();
        Optional<DeviceStatus> failed = d.monitor().statuses().stream()
                .filter(s -> s.kind() == DeviceKind.CAMERA && s.state() == DeviceState.FAILED).findFirst();
        if (providers.isEmpty() || "none".equalsIgnoreCase(configured)) {
            driver.fail("camera.driver.none", "camera.driver.none.next", configured);
            return;
        }
        if (failed.isPresent()) {
            driver.fail("camera.driver.failed", "camera.driver.failed.next", failed.get().message(probe.texts().locale()));
            return;
        }
        driver.ok("camera.driver.ok", configured, String.join(", ", providers));
        List<DeviceMonitor.Attached> cameras = d.monitor().attached(DeviceKind.CAMERA);
        Step found = probe.step("devices").fact("count", cameras.size());
        if (cameras.isEmpty()) {
            found.fail("camera.devices.none", "camera.devices.none.next");
            return;
        }
        cameras.forEach(c -> found.fact(c.device().ref().deviceId(), c.device().ref().model()));
        found.ok("camera.devices.ok", cameras.size(),
                String.join(", ", cameras.stream().map(c -> c.device().ref().model()).toList()));
        releaseDesk.run();
        // The camera just listed, real before simulated (as the desk picks): a poll running meanwhile
        // for another check must not take it away between listing and opening.
        DeviceMonitor.Attached chosen = cameras.stream().filter(c -> !c.device().ref().simulated()).findFirst()
                .orElse(cameras.get(0));
        stream(probe, chosen);
    }

    /** What a short stream gave: the last frame and the rate, or why there was none. */
    private record Stream(CameraFrame last, double fps, DeviceException error) {
    }

    private void stream(Probe probe, DeviceMonitor.Attached d) throws InterruptedException {
        Step s = probe.step("stream");
        Stream got = null;
        // A camera waking up (USB power-up, a busy machine) may miss its driver's first deadline:
        // one more try before the technician is told to replug it.
        for (int attempt = 1; attempt <= 2 && (got == null || retry(got)); attempt++) {
            try {
                got = stream(d, s);
            } catch (DeviceException e) {
                got = new Stream(null, 0, e);
            }
            s.fact("attempts", attempt);
        }
        if (got.last() == null) {
            String why = got.error() == null ? "" : got.error().message(probe.texts().locale());
            if (got.error() != null && !"camera.noFrame".equals(got.error().key()) && !retry(got)) {
                s.fail("camera.stream.failed", "camera.stream.failed.next", why);
            } else {
                s.fail("camera.stream.noImage", "camera.stream.failed.next", FIRST_FRAME.toSeconds(), why);
            }
            return;
        }
        CameraFrame last = got.last();
        int w = last.image().getWidth();
        int h = last.image().getHeight();
        String rate = String.format(Locale.ROOT, "%.1f", got.fps());
        s.fact("width", w).fact("height", h).fact("fps", rate);
        if (DiagnosticLimits.cameraRate(got.fps()) == id.rekam.core.diag.Status.WARNING) {
            s.warn("camera.stream.slow", "camera.stream.slow.next", w, h, rate);
        } else {
            s.ok("camera.stream.ok", w, h, rate);
        }
        frame(probe, last);
    }

    private static boolean retry(Stream got) {
        return got.last() == null && got.error() != null && "camera.driver.timeout".equals(got.error().key());
    }

    /** Opens the first camera, waits for its first frame, counts frames for {@link #MEASURE}. */
    private Stream stream(DeviceMonitor.Attached attached, Step s) throws DeviceException, InterruptedException {
        Camera camera = (Camera) attached.provider().open(attached.device());
        AtomicLong frames = new AtomicLong();
        AtomicReference<DeviceException> error = new AtomicReference<>();
        CountDownLatch first = new CountDownLatch(1);
        try (camera) {
            s.fact("deviceId", camera.ref().deviceId());
            camera.start(new FrameListener() {
                @Override
                public void onFrame(CameraFrame frame) {
                    frames.incrementAndGet();
                    first.countDown();
                }

                @Override
                public void onError(DeviceException e) {
                    error.set(e);
                    first.countDown();
                }
            });
            if (!first.await(FIRST_FRAME.toMillis(), TimeUnit.MILLISECONDS) || error.get() != null) {
                camera.stop();
                return new Stream(null, 0, error.get());
            }
            long n0 = frames.get();
            long t0 = System.nanoTime();
            Thread.sleep(MEASURE.toMillis());
            double fps = (frames.get() - n0) / ((System.nanoTime() - t0) / 1e9);
            CameraFrame last = camera.latestFrame().orElse(null);
            camera.stop();
            return new Stream(last, fps, error.get());
        }
    }

    private void frame(Probe probe, CameraFrame frame) {
        Step s = probe.step("frame");
        PhotoQuality.Verdict v = PhotoQuality.judge(Portraits.crop3x4(frame.image()), null);
        String brightness = String.format(Locale.ROOT, "%.0f", v.brightness());
        String sharpness = String.format(Locale.ROOT, "%.0f", v.sharpness());
        s.fact("brightness", brightness).fact("sharpness", sharpness);
        probe.image(s.id(), frame.image());
        if (v.problems().contains(PhotoQuality.Problem.TOO_DARK)) {
            s.warn("camera.frame.dark", "camera.frame.dark.next", brightness, sharpness);
        } else if (v.problems().contains(PhotoQuality.Problem.TOO_BRIGHT)) {
            s.warn("camera.frame.bright", "camera.frame.bright.next", brightness, sharpness);
        } else if (v.problems().contains(PhotoQuality.Problem.BLURRED)) {
            s.warn("camera.frame.blurred", "camera.frame.blurred.next", brightness, sharpness);
        } else {
            s.ok("camera.frame.ok", brightness, sharpness);
        }
    }
}
