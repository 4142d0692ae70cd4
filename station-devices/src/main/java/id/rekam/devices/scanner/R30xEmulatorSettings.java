package id.rekam.devices.scanner;

/**
 * What the emulated module reports and expects. Two emulators with different settings
 * look like two different scanners to the registry.
 */
public record R30xEmulatorSettings(int address, int password, int systemId, int librarySize, int securityLevel,
                                   int packetSize, int baudMultiplier, int storedTemplates) {

    public R30xEmulatorSettings {
        R30xSysParams.packetSizeCode(packetSize);
        if (baudMultiplier < 1 || baudMultiplier > 12) {
            throw new IllegalArgumentException("baud multiplier must be 1..12");
        }
    }

    /** Factory defaults of an R307: address FFFFFFFF, password 0, 128-byte packets, 57600 baud. */
    public static R30xEmulatorSettings defaults() {
        return new R30xEmulatorSettings(R30xFrame.DEFAULT_ADDRESS, 0, 0x0000, 1000, 3, 128, 6, 0);
    }

    public R30xEmulatorSettings withSystemId(int id) {
        return new R30xEmulatorSettings(address, password, id, librarySize, securityLevel, packetSize, baudMultiplier, storedTemplates);
    }

    public R30xEmulatorSettings withPacketSize(int bytes) {
        return new R30xEmulatorSettings(address, password, systemId, librarySize, securityLevel, bytes, baudMultiplier, storedTemplates);
    }

    public R30xEmulatorSettings withPassword(int pwd) {
        return new R30xEmulatorSettings(address, pwd, systemId, librarySize, securityLevel, packetSize, baudMultiplier, storedTemplates);
    }

    public R30xSysParams sysParams() {
        return new R30xSysParams(0, systemId, librarySize, securityLevel, address,
                R30xSysParams.packetSizeCode(packetSize), baudMultiplier);
    }
}
