package id.rekam.devices.scanner;

/**
 * The 16 bytes of ReadSysPara: status register, system id, library size, security level,
 * address, data packet size code (0..3 = 32..256 bytes) and baud multiplier N (9600×N).
 */
public record R30xSysParams(int statusRegister, int systemId, int librarySize, int securityLevel,
                            int address, int packetSizeCode, int baudMultiplier) {

    public static final int SIZE = 16;

    public R30xSysParams {
        if (packetSizeCode < 0 || packetSizeCode > 3) {
            throw new IllegalArgumentException("packet size code must be 0..3: " + packetSizeCode);
        }
    }

    /** Data packet payload size in bytes. */
    public int packetSize() {
        return 32 << packetSizeCode;
    }

    public int baud() {
        return 9600 * baudMultiplier;
    }

    public static int packetSizeCode(int bytes) {
        return switch (bytes) {
            case 32 -> 0;
            case 64 -> 1;
            case 128 -> 2;
            case 256 -> 3;
            default -> throw new IllegalArgumentException("packet size must be 32, 64, 128 or 256: " + bytes);
        };
    }

    public static R30xSysParams decode(byte[] b) throws R30xException {
        if (b.length < SIZE) {
            throw new R30xException.Protocol("system parameters: " + b.length + " of 16 bytes");
        }
        int code = u16(b, 12);
        if (code > 3) {
            throw new R30xException.Protocol("packet size code " + code);
        }
        return new R30xSysParams(u16(b, 0), u16(b, 2), u16(b, 4), u16(b, 6),
                (u16(b, 8) << 16) | u16(b, 10), code, u16(b, 14));
    }

    public byte[] encode() {
        byte[] b = new byte[SIZE];
        put16(b, 0, statusRegister);
        put16(b, 2, systemId);
        put16(b, 4, librarySize);
        put16(b, 6, securityLevel);
        put16(b, 8, address >>> 16);
        put16(b, 10, address);
        put16(b, 12, packetSizeCode);
        put16(b, 14, baudMultiplier);
        return b;
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >> 8);
        b[i + 1] = (byte) v;
    }
}
