package id.rekam.devices.scanner;

import id.rekam.devices.fingerprint.GrayImage;
import id.rekam.devices.fingerprint.R30xImages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SIMULATED R30x module: the device side of the UART protocol, for tests and demo mode.
 * It reads command frames from its transport and answers as a module would: password
 * check, system parameters, GenImg reporting "no finger" until {@link #placeFinger()},
 * UpImage streaming the image in data packets of the configured size, UpChar returning a
 * char buffer, template count. Faults can be injected: garbage before a reply, a bad
 * checksum, a data packet corrupted in the middle of an upload that then goes on (as a real
 * module's does, it cannot know), silence, and unplugging in the middle of an upload.
 *
 * <p>Its char buffers are a digest of the image in the module's 512-byte slot, not minutiae;
 * real matching is done with SourceAFIS on the uploaded image.
 */
public final class R30xEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(R30xEmulator.class);
    private static final int CHAR_SIZE = 512;
    private static final Duration POLL = Duration.ofMillis(200);

    private final R30xTransport transport;
    private final R30xEmulatorSettings settings;
    private final FingerImageSource images;
    private final R30xFrameReader reader;
    private final AtomicInteger placements = new AtomicInteger();
    private final AtomicInteger commands = new AtomicInteger();
    private final CountDownLatch listening = new CountDownLatch(1);
    private final AtomicReference<byte[]> garbage = new AtomicReference<>();
    private volatile boolean fingerPlaced;
    private volatile boolean liftAfterCapture;
    private volatile long autoPlaceAfterMillis = -1;
    private long waitingSince = -1;
    private volatile boolean corruptNextChecksum;
    private volatile boolean silent;
    private volatile int unplugAfterPackets = -1;
    private volatile int corruptPacket = -1;
    private volatile Duration packetGap = Duration.ZERO;
    private volatile Runnable unplugAction;
    private volatile boolean running;
    private volatile Thread thread;
    private byte[] imageBuffer;
    /*
     * A real sensor has its image ready the moment GenImg answers. Making a synthetic print
     * costs ~100 ms of CPU (seconds on a starved machine), so the next impression is made
     * ahead of time on its own thread instead of inside the host's reply timeout.
     */
    private final ExecutorService imageMaker;
    private CompletableFuture<byte[]> nextImage;
    /** The source's {@link FingerImageSource#version()} when {@link #nextImage} was started. */
    private volatile long nextImageVersion;
    private final byte[][] charBuffers = new byte[2][];

    public R30xEmulator(R30xTransport transport, R30xEmulatorSettings settings, FingerImageSource images) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.images = Objects.requireNonNull(images, "images");
        this.reader = new R30xFrameReader(transport);
        this.unplugAction = transport::close;
        this.imageMaker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rekam-r30x-emulator-images");
            t.setDaemon(true);
            return t;
        });
        this.nextImage = prepareImage(0);
    }

    private CompletableFuture<byte[]> prepareImage(int index) {
        nextImageVersion = images.version();
        return CompletableFuture.supplyAsync(() -> checked(images.image(index)), imageMaker);
    }

    public R30xEmulatorSettings settings() {
        return settings;
    }

    /**
     * Starts answering on a daemon thread; returns once it listens, so a host that talks right
     * away is not timed against a thread that a busy machine has not scheduled yet.
     */
    public synchronized R30xEmulator start() {
        if (thread == null) {
            running = true;
            thread = new Thread(this::serve, "rekam-r30x-emulator " + transport.name());
            thread.setDaemon(true);
            thread.start();
            try {
                listening.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return this;
    }

    /** A finger is now on the sensor: the next GenImg captures an image. */
    public void placeFinger() {
        liftAfterCapture = false;
        fingerPlaced = true;
    }

    /** A finger touches the sensor for one image, then is lifted again. */
    public void placeFingerOnce() {
        liftAfterCapture = true;
        fingerPlaced = true;
    }

    public void liftFinger() {
        fingerPlaced = false;
    }

    /**
     * Demo convenience: when the host has been asking for a finger for this long, one is
     * placed for a single image, so an unattended demo runs through. Null turns it off.
     */
    public void autoPlaceFingerAfter(Duration delay) {
        autoPlaceAfterMillis = delay == null ? -1 : delay.toMillis();
    }

    /** Command frames answered (or ignored while silent) so far. */
    public int commandsReceived() {
        return commands.get();
    }

    /** Fault: these bytes go out before the next reply (line noise). */
    public void injectGarbageBeforeNextReply(byte[] bytes) {
        garbage.set(bytes.clone());
    }

    /** Fault: the next reply carries a wrong checksum. */
    public void corruptNextReplyChecksum() {
        corruptNextChecksum = true;
    }

    /** Fault: stop answering (a hung module or wrong baud) until set back to false. */
    public void setSilent(boolean silent) {
        this.silent = silent;
    }

    /** Fault: during the next upload, unplug after this many data packets. */
    public void unplugAfterDataPackets(int packets) {
        unplugAfterPackets = packets;
    }

    /**
     * Fault: during the next upload, data packet {@code index} (0-based) goes out with a payload
     * byte flipped, as line noise would, and the stream goes on to its end.
     */
    public void corruptDataPacket(int index) {
        corruptPacket = index;
    }

    /**
     * Fault aid: waits this long after each data packet, as a slow line stretches an upload, so
     * the rest of a stream keeps arriving well after a host gave up on it. Zero turns it off.
     */
    public void paceDataPackets(Duration gap) {
        packetGap = Objects.requireNonNull(gap, "gap");
    }

    /** What "unplug" does; by default it closes the emulator's end of the line. */
    public void onUnplug(Runnable action) {
        unplugAction = Objects.requireNonNull(action, "action");
    }

    public boolean isRunning() {
        return running;
    }

    private void serve() {
        listening.countDown();
        try {
            while (running) {
                R30xFrame frame;
                try {
                    frame = reader.read(POLL);
                } catch (R30xException.Timeout e) {
                    continue;
                } catch (R30xException.Checksum e) {
                    if (!silent) {
                        send(R30xFrame.ack(settings.address(), R30xConfirmation.RECEIVE_ERROR));
                    }
                    continue;
                } catch (R30xException.Protocol e) {
                    continue;
                }
                if (frame.address() != settings.address() || frame.pid() != R30xFrame.PID_COMMAND
                        || frame.payloadLength() == 0) {
                    continue;
                }
                commands.incrementAndGet();
                if (!silent) {
                    handle(frame);
                }
            }
        } catch (R30xException e) {
            LOG.debug("emulator {} stopped: {}", transport.name(), e.getMessage());
        } finally {
            running = false;
        }
    }

    private void handle(R30xFrame cmd) throws R30xException {
        byte[] p = cmd.data();
        switch (cmd.code()) {
            case R30xScanner.VFY_PWD -> {
                int pwd = p.length >= 4 ? ByteBuffer.wrap(p).getInt() : -1;
                reply(pwd == settings.password() && p.length >= 4 ? R30xConfirmation.OK : R30xConfirmation.WRONG_PASSWORD);
            }
            case R30xScanner.READ_SYS_PARA -> reply(R30xConfirmation.OK, settings.sysParams().encode());
            case R30xScanner.TEMPLATE_NUM -> reply(R30xConfirmation.OK,
                    (byte) (settings.storedTemplates() >> 8), (byte) settings.storedTemplates());
            case R30xScanner.GEN_IMG -> {
                long now = System.nanoTime() / 1_000_000;
                if (!fingerPlaced && autoPlaceAfterMillis >= 0) {
                    if (nextImageVersion != images.version()) {
                        // Made ahead for whoever stood at the desk before: make this person's.
                        nextImage = prepareImage(placements.get());
                    }
                    if (waitingSince < 0) {
                        waitingSince = now;
                    } else if (now - waitingSince >= autoPlaceAfterMillis && nextImage.isDone()) {
                        placeFingerOnce();
                    }
                }
                if (fingerPlaced) {
                    waitingSince = -1;
                    imageBuffer = nextImage.join();
                    nextImage = prepareImage(placements.incrementAndGet());
                    if (liftAfterCapture) {
                        fingerPlaced = false;
                    }
                    reply(R30xConfirmation.OK);
                } else {
                    reply(R30xConfirmation.NO_FINGER);
                }
            }
            case R30xScanner.IMG_2_TZ -> {
                int slot = p.length > 0 ? p[0] : 0;
                if (slot < 1 || slot > 2) {
                    reply(R30xConfirmation.BAD_LOCATION);
                } else if (imageBuffer == null) {
                    reply(R30xConfirmation.NO_VALID_IMAGE);
                } else {
                    charBuffers[slot - 1] = features(imageBuffer);
                    reply(R30xConfirmation.OK);
                }
            }
            case R30xScanner.UP_IMAGE -> {
                if (imageBuffer == null) {
                    reply(R30xConfirmation.UPLOAD_IMAGE_FAIL);
                } else {
                    reply(R30xConfirmation.OK);
                    stream(R30xImages.pack(new GrayImage(R30xImages.WIDTH, R30xImages.HEIGHT, imageBuffer, R30xImages.DPI)));
                }
            }
            case R30xScanner.UP_CHAR -> {
                int slot = p.length > 0 ? p[0] : 0;
                if (slot < 1 || slot > 2 || charBuffers[slot - 1] == null) {
                    reply(R30xConfirmation.UPLOAD_CHAR_FAIL);
                } else {
                    reply(R30xConfirmation.OK);
                    stream(charBuffers[slot - 1]);
                }
            }
            default -> reply(R30xConfirmation.RECEIVE_ERROR);
        }
    }

    private void stream(byte[] data) throws R30xException {
        int size = settings.packetSize();
        int sent = 0;
        for (int off = 0; off < data.length; off += size) {
            if (!running) {
                throw new R30xException.Closed(transport.name(), null);
            }
            if (unplugAfterPackets >= 0 && sent == unplugAfterPackets) {
                unplugAfterPackets = -1;
                LOG.info("emulator {}: SIMULATED unplug after {} data packets", transport.name(), sent);
                running = false;
                unplugAction.run();
                throw new R30xException.Closed(transport.name(), null);
            }
            boolean last = off + size >= data.length;
            byte[] encoded = new R30xFrame(settings.address(), last ? R30xFrame.PID_END_DATA : R30xFrame.PID_DATA,
                    Arrays.copyOfRange(data, off, Math.min(data.length, off + size))).encode();
            if (sent == corruptPacket) {
                corruptPacket = -1;
                encoded[R30xFrame.HEADER_SIZE] ^= 0x10;
                LOG.info("emulator {}: SIMULATED line noise in data packet {}; streaming on", transport.name(), sent);
            }
            send(encoded);
            sent++;
            pause(packetGap);
        }
    }

    private void pause(Duration gap) throws R30xException {
        if (gap.isZero()) {
            return;
        }
        try {
            Thread.sleep(gap.toMillis(), gap.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new R30xException.Closed(transport.name(), e);
        }
    }

    private void reply(int code, byte... data) throws R30xException {
        send(R30xFrame.ack(settings.address(), code, data));
    }

    private void send(R30xFrame frame) throws R30xException {
        send(frame.encode());
    }

    private void send(byte[] bytes) throws R30xException {
        if (corruptNextChecksum) {
            corruptNextChecksum = false;
            bytes[bytes.length - 1] ^= 0x5A;
        }
        byte[] noise = garbage.getAndSet(null);
        if (noise != null) {
            transport.write(noise);
        }
        transport.write(bytes);
    }

    private static byte[] checked(byte[] image) {
        if (image == null || image.length != R30xImages.WIDTH * R30xImages.HEIGHT) {
            throw new IllegalStateException("finger image source must give 256×288 bytes");
        }
        return image;
    }

    private static byte[] features(byte[] image) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] out = new byte[CHAR_SIZE];
            byte[] seed = sha.digest(image);
            for (int off = 0; off < CHAR_SIZE; off += seed.length) {
                System.arraycopy(seed, 0, out, off, Math.min(seed.length, CHAR_SIZE - off));
                seed = sha.digest(seed);
            }
            return out;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(POLL.toMillis() * 3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        imageMaker.shutdownNow();
        transport.close();
    }
}
