package id.rekam.devices.camera;

import id.rekam.devices.DeviceException;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs every call into one camera driver on one dedicated daemon thread, as webcam-capture
 * itself does for drivers that are not thread-safe, and bounds how long a caller waits. A
 * native driver that hangs then blocks only this thread; callers get a timeout.
 */
final class DriverThread implements AutoCloseable {

    private final ExecutorService executor;
    private final String name;

    DriverThread(String name) {
        this.name = name;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rekam-camera-driver " + name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The call's result, or a {@link DeviceException} with {@code failKey}: on timeout, on any
     * exception, and on linkage errors (a native library that does not load).
     */
    <T> T call(Callable<T> call, Duration timeout, String timeoutKey, String failKey) throws DeviceException {
        Future<T> f = executor.submit(call);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new DeviceException(e, timeoutKey, timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new DeviceException(cause, failKey, describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(e, failKey, "interrupted");
        }
    }

    /** The innermost cause, named, e.g. "UnsatisfiedLinkError: …/OpenIMAJGrabber.so: libv4l2.so.0: cannot open…". */
    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
