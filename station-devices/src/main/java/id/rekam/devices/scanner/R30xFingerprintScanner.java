package id.rekam.devices.scanner;

import id.rekam.core.domain.DeviceRef;
import id.rekam.devices.CaptureTimeoutException;
import id.rekam.devices.DeviceException;
import id.rekam.devices.FingerImage;
import id.rekam.devices.FingerprintScanner;
import id.rekam.devices.fingerprint.R30xImages;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A fingerprint scanner on an R30x-compatible module: polls GenImg until a finger is on the
 * sensor (or time runs out), then uploads the image and decodes it to 8-bit gray.
 */
public final class R30xFingerprintScanner implements FingerprintScanner {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final R30xScanner scanner;
    private final DeviceRef ref;
    private final R30xSysParams params;
    private final Clock clock;
    private final Runnable onClose;
    private volatile boolean cancelled;
    private volatile boolean closed;

    private R30xFingerprintScanner(R30xScanner scanner, DeviceRef ref, R30xSysParams params, Clock clock, Runnable onClose) {
        this.scanner = scanner;
        this.ref = ref;
        this.params = params;
        this.clock = clock;
        this.onClose = onClose;
    }

    /** Takes over an opened transport: verifies the password and reads the module's parameters. */
    public static R30xFingerprintScanner connect(R30xTransport transport, int address, int password, Duration timeout,
                                                 DeviceRef ref, Clock clock, Runnable onClose) throws R30xException {
        R30xScanner scanner = new R30xScanner(transport, address, timeout);
        try {
            scanner.verifyPassword(password);
            R30xSysParams params = scanner.readSysParams();
            return new R30xFingerprintScanner(scanner, Objects.requireNonNull(ref, "ref"), params, clock, onClose);
        } catch (R30xException e) {
            transport.close();
            throw e;
        }
    }

    /** The same open line under another record of the device (re-owned since it was probed); this one is dropped. */
    R30xFingerprintScanner as(DeviceRef current) {
        return new R30xFingerprintScanner(scanner, Objects.requireNonNull(current, "current"), params, clock, onClose);
    }

    public R30xSysParams sysParams() {
        return params;
    }

    /** The command layer, for maintenance tools (template count, char buffers). */
    public R30xScanner commands() {
        return scanner;
    }

    @Override
    public DeviceRef ref() {
        return ref;
    }

    @Override
    public synchronized FingerImage captureFinger(Duration timeout) throws DeviceException {
        if (closed) {
            throw new R30xException.Closed(scanner.transport().name(), null);
        }
        cancelled = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!scanner.genImg()) {
            if (cancelled) {
                throw new DeviceException("scanner.cancelled");
            }
            if (System.nanoTime() + POLL_INTERVAL.toNanos() > deadline) {
                throw new CaptureTimeoutException("scanner.noFinger", timeout.toSeconds());
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceException("scanner.cancelled");
            }
        }
        byte[] gray = R30xImages.unpack(scanner.upImage()).pixels();
        return new FingerImage(R30xImages.WIDTH, R30xImages.HEIGHT, (int) R30xImages.DPI, gray, ref, clock.instant());
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isOpen() {
        return !closed && scanner.transport().isOpen();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            scanner.transport().close();
            onClose.run();
        }
    }
}
