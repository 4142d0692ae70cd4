package id.rekam.devices.scanner;

import id.rekam.devices.fingerprint.R30xImages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

/**
 * The host side of the R30x command set over a transport. One command at a time; not
 * thread-safe.
 *
 * <p>A reply that is garbled, late or not an acknowledgement raises an {@link R30xException}
 * and leaves the line in an unknown state: a module knows nothing of the host's checksum error
 * and goes on streaming the rest of an image upload. So before the next command the line is
 * resynchronised: drained until it has been quiet for a while (not just of what is buffered
 * now), then the handshake done so far (password, system parameters) is repeated, a few times
 * if the line is still busy. A new scanner starts unsettled too, as the line may carry stale
 * bytes from an earlier process that died in the middle of an exchange.
 */
public final class R30xScanner {

    private static final Logger LOG = LoggerFactory.getLogger(R30xScanner.class);
    /**
     * How long the line must stay silent to count as settled: a streaming module sends a byte
     * every 0.2 ms at 57,600 baud and 1 ms at 9,600, so this is a stream that has ended.
     */
    private static final Duration QUIET = Duration.ofMillis(100);
    /** More than a few whole image uploads (with framing) still coming is a babbling line, not a tail. */
    private static final int DRAIN_LIMIT = 4 * R30xImages.PACKED_LENGTH;
    /** Each failed attempt has eaten at least one frame of the tail; a module's tail is finite. */
    private static final int RESYNC_ATTEMPTS = 8;

    public static final int GEN_IMG = 0x01;
    public static final int IMG_2_TZ = 0x02;
    public static final int UP_CHAR = 0x08;
    public static final int UP_IMAGE = 0x0A;
    public static final int READ_SYS_PARA = 0x0F;
    public static final int VFY_PWD = 0x13;
    public static final int TEMPLATE_NUM = 0x1D;

    private final R30xTransport transport;
    private final R30xFrameReader reader;
    private final int address;
    private final Duration timeout;
    private int packetSize = 128;
    private boolean unsettled = true;
    private boolean afterError;
    private Integer verifiedPassword;
    private boolean paramsRead;

    public R30xScanner(R30xTransport transport, int address, Duration timeout) {
        this.transport = transport;
        this.reader = new R30xFrameReader(transport);
        this.address = address;
        this.timeout = timeout;
    }

    public R30xTransport transport() {
        return transport;
    }

    public void verifyPassword(int password) throws R30xException {
        expectOk(VFY_PWD, command(VFY_PWD, int32(password)));
        verifiedPassword = password;
    }

    /** Reads the system parameters and adopts their data packet size for uploads. */
    public R30xSysParams readSysParams() throws R30xException {
        return adoptSysParams(command(READ_SYS_PARA));
    }

    private R30xSysParams adoptSysParams(R30xFrame ack) throws R30xException {
        expectOk(READ_SYS_PARA, ack);
        R30xSysParams params;
        try {
            params = R30xSysParams.decode(ack.data());
        } catch (R30xException.Protocol e) {
            lostSync();
            throw e;
        }
        packetSize = params.packetSize();
        paramsRead = true;
        return params;
    }

    /** Takes an image into the image buffer; false if no finger is on the sensor. */
    public boolean genImg() throws R30xException {
        R30xFrame ack = command(GEN_IMG);
        if (ack.code() == R30xConfirmation.NO_FINGER) {
            return false;
        }
        expectOk(GEN_IMG, ack);
        return true;
    }

    /** Extracts features of the image buffer into char buffer 1 or 2. */
    public void img2Tz(int charBuffer) throws R30xException {
        expectOk(IMG_2_TZ, command(IMG_2_TZ, (byte) charBuffer));
    }

    public int templateCount() throws R30xException {
        R30xFrame ack = command(TEMPLATE_NUM);
        expectOk(TEMPLATE_NUM, ack);
        byte[] d = ack.data();
        if (d.length < 2) {
            throw new R30xException.Protocol("template count: " + d.length + " bytes");
        }
        return ((d[0] & 0xFF) << 8) | (d[1] & 0xFF);
    }

    /** Uploads the image buffer: 36,864 bytes of 4-bit pixels (see {@link R30xImages#unpack}). */
    public byte[] upImage() throws R30xException {
        expectOk(UP_IMAGE, command(UP_IMAGE));
        byte[] image = readData(R30xImages.PACKED_LENGTH);
        if (image.length != R30xImages.PACKED_LENGTH) {
            throw new R30xException.Protocol("image of " + image.length + " bytes, expected " + R30xImages.PACKED_LENGTH);
        }
        return image;
    }

    /** Uploads char buffer 1 or 2 (the module's own feature format). */
    public byte[] upChar(int charBuffer) throws R30xException {
        expectOk(UP_CHAR, command(UP_CHAR, (byte) charBuffer));
        return readData(4096);
    }

    /** Data packets (PID 02) until the last one (PID 08); each must arrive within the timeout. */
    private byte[] readData(int limit) throws R30xException {
        try {
            return readPackets(limit);
        } catch (R30xException.Timeout | R30xException.Checksum | R30xException.Protocol e) {
            lostSync();
            throw e;
        }
    }

    private byte[] readPackets(int limit) throws R30xException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            R30xFrame f = reader.read(timeout);
            if (f.pid() != R30xFrame.PID_DATA && f.pid() != R30xFrame.PID_END_DATA) {
                throw new R30xException.Protocol(String.format("data packet expected, got pid %02X", f.pid()));
            }
            if (f.payloadLength() > packetSize) {
                throw new R30xException.Protocol("data packet of " + f.payloadLength() + " bytes, packet size " + packetSize);
            }
            out.writeBytes(f.payload());
            if (out.size() > limit) {
                throw new R30xException.Protocol("more than " + limit + " bytes of data");
            }
            if (f.pid() == R30xFrame.PID_END_DATA) {
                return out.toByteArray();
            }
        }
    }

    private R30xFrame command(int instruction, byte... params) throws R30xException {
        if (unsettled) {
            resync();
        }
        return exchange(instruction, params);
    }

    private R30xFrame exchange(int instruction, byte... params) throws R30xException {
        transport.discardInput();
        transport.write(R30xFrame.command(address, instruction, params).encode());
        try {
            R30xFrame reply = reader.read(timeout);
            if (reply.pid() != R30xFrame.PID_ACK || reply.payloadLength() == 0) {
                throw new R30xException.Protocol(String.format("acknowledgement expected, got pid %02X", reply.pid()));
            }
            return reply;
        } catch (R30xException.Timeout | R30xException.Checksum | R30xException.Protocol e) {
            lostSync();
            throw e;
        }
    }

    private void lostSync() {
        unsettled = true;
        afterError = true;
    }

    /**
     * Drains the line until it is quiet and repeats the handshake; tries again while what comes
     * back is still the tail of something else (a garbled or unexpected frame). A module that
     * does not answer at all is reported at once: waiting longer would not make it talk. The last
     * failure is thrown if the line never settles, and the next command tries anew.
     */
    private void resync() throws R30xException {
        R30xException last = null;
        for (int attempt = 1; attempt <= RESYNC_ATTEMPTS; attempt++) {
            int dropped = transport.drainUntilQuiet(QUIET, DRAIN_LIMIT);
            unsettled = false;
            try {
                if (verifiedPassword != null) {
                    expectOk(VFY_PWD, exchange(VFY_PWD, int32(verifiedPassword)));
                }
                if (paramsRead) {
                    adoptSysParams(exchange(READ_SYS_PARA));
                }
            } catch (R30xException.Checksum | R30xException.Protocol e) {
                last = e;
                continue;
            }
            if (afterError || dropped > 0) {
                LOG.info("{}: line resynchronised after {} attempt(s), {} stale bytes dropped", transport.name(), attempt, dropped);
            }
            afterError = false;
            return;
        }
        throw last;
    }

    private static void expectOk(int instruction, R30xFrame ack) throws R30xException {
        if (ack.code() != R30xConfirmation.OK) {
            throw new R30xException.Command(instruction, ack.code());
        }
    }

    private static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
