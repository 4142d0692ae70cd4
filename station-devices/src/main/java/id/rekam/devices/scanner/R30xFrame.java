package id.rekam.devices.scanner;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One R30x/R503/ZFM UART frame: {@code EF 01}, 4-byte address, packet id, big-endian length
 * (payload + 2), payload, 16-bit checksum = low 16 bits of the sum of the packet id, both
 * length bytes and every payload byte. Pure codec, no I/O.
 */
public record R30xFrame(int address, int pid, byte[] payload) {

    public static final int START_HIGH = 0xEF;
    public static final int START_LOW = 0x01;
    public static final int DEFAULT_ADDRESS = 0xFFFFFFFF;
    public static final int PID_COMMAND = 0x01;
    public static final int PID_DATA = 0x02;
    public static final int PID_ACK = 0x07;
    public static final int PID_END_DATA = 0x08;
    /** Bytes before the payload: start (2), address (4), pid (1), length (2). */
    public static final int HEADER_SIZE = 9;
    /** The length field counts the payload plus the checksum. */
    public static final int MAX_PAYLOAD = 0xFFFF - 2;

    public R30xFrame {
        if (pid < 0 || pid > 0xFF) {
            throw new IllegalArgumentException("pid out of range: " + pid);
        }
        payload = payload.clone();
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload too long: " + payload.length);
        }
    }

    /** A command frame: instruction code then its parameters. */
    public static R30xFrame command(int address, int instruction, byte... params) {
        byte[] p = new byte[params.length + 1];
        p[0] = (byte) instruction;
        System.arraycopy(params, 0, p, 1, params.length);
        return new R30xFrame(address, PID_COMMAND, p);
    }

    /** An acknowledgement: confirmation code then its data. */
    public static R30xFrame ack(int address, int code, byte... data) {
        byte[] p = new byte[data.length + 1];
        p[0] = (byte) code;
        System.arraycopy(data, 0, p, 1, data.length);
        return new R30xFrame(address, PID_ACK, p);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Payload length, without copying. */
    public int payloadLength() {
        return payload.length;
    }

    /** First payload byte: instruction of a command, confirmation code of an ack. */
    public int code() {
        if (payload.length == 0) {
            throw new IllegalStateException("empty payload");
        }
        return payload[0] & 0xFF;
    }

    /** Payload after the first byte (an ack's data, a command's parameters). */
    public byte[] data() {
        return payload.length == 0 ? new byte[0] : Arrays.copyOfRange(payload, 1, payload.length);
    }

    public int checksum() {
        return checksum(pid, payload.length + 2, payload);
    }

    public static int checksum(int pid, int lengthField, byte[] payload) {
        int sum = pid + ((lengthField >> 8) & 0xFF) + (lengthField & 0xFF);
        for (byte b : payload) {
            sum += b & 0xFF;
        }
        return sum & 0xFFFF;
    }

    public byte[] encode() {
        int length = payload.length + 2;
        byte[] out = new byte[HEADER_SIZE + payload.length + 2];
        out[0] = (byte) START_HIGH;
        out[1] = (byte) START_LOW;
        out[2] = (byte) (address >>> 24);
        out[3] = (byte) (address >>> 16);
        out[4] = (byte) (address >>> 8);
        out[5] = (byte) address;
        out[6] = (byte) pid;
        out[7] = (byte) (length >> 8);
        out[8] = (byte) length;
        System.arraycopy(payload, 0, out, HEADER_SIZE, payload.length);
        int sum = checksum();
        out[out.length - 2] = (byte) (sum >> 8);
        out[out.length - 1] = (byte) sum;
        return out;
    }

    /** Decodes exactly one frame (no leading or trailing bytes). */
    public static R30xFrame decode(byte[] bytes) throws R30xException {
        if (bytes.length < HEADER_SIZE + 2) {
            throw new R30xException.Protocol("frame too short: " + bytes.length + " bytes");
        }
        if ((bytes[0] & 0xFF) != START_HIGH || (bytes[1] & 0xFF) != START_LOW) {
            throw new R30xException.Protocol("no EF01 start");
        }
        int length = ((bytes[7] & 0xFF) << 8) | (bytes[8] & 0xFF);
        if (length < 2 || bytes.length != HEADER_SIZE + length) {
            throw new R30xException.Protocol("length field " + length + " does not fit " + bytes.length + " bytes");
        }
        return fromParts(Arrays.copyOfRange(bytes, 2, HEADER_SIZE), Arrays.copyOfRange(bytes, HEADER_SIZE, bytes.length));
    }

    /**
     * Builds a frame from the 7 bytes after {@code EF 01} (address, pid, length) and the
     * {@code length} bytes that follow (payload and checksum), verifying the checksum.
     */
    static R30xFrame fromParts(byte[] head, byte[] body) throws R30xException {
        int address = ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        int pid = head[4] & 0xFF;
        int length = ((head[5] & 0xFF) << 8) | (head[6] & 0xFF);
        byte[] payload = Arrays.copyOf(body, length - 2);
        int received = ((body[length - 2] & 0xFF) << 8) | (body[length - 1] & 0xFF);
        int expected = checksum(pid, length, payload);
        if (received != expected) {
            throw new R30xException.Checksum(expected, received);
        }
        return new R30xFrame(address, pid, payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof R30xFrame f && f.address == address && f.pid == pid && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * address + pid) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        String hex = HexFormat.of().formatHex(payload, 0, Math.min(payload.length, 16));
        return String.format("R30xFrame[addr=%08X pid=%02X len=%d payload=%s%s]", address, pid, payload.length, hex,
                payload.length > 16 ? "…" : "");
    }
}
