package id.rekam.devices.scanner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Opens a port path: serial devices and pseudo-terminals through jssc; {@code mem:} names
 * through in-memory lines registered by the emulator launcher (demo mode without pseudo-terminals).
 */
public final class R30xPorts {

    public static final String MEMORY_PREFIX = "mem:";
    private static final Map<String, Supplier<R30xTransport>> MEMORY = new ConcurrentHashMap<>();

    private R30xPorts() {
    }

    public static R30xTransport open(String port, int baud) throws R30xException {
        if (port.startsWith(MEMORY_PREFIX)) {
            Supplier<R30xTransport> line = MEMORY.get(port);
            if (line == null) {
                throw new R30xException.Closed(port, null);
            }
            return line.get();
        }
        return JsscTransport.open(port, baud);
    }

    /**
     * Whether something is there to open: a device node, or a registered in-memory line. Names
     * that are not paths (Windows' COM3) cannot be checked this way and count as present.
     */
    public static boolean present(String port) {
        if (port.startsWith(MEMORY_PREFIX)) {
            return MEMORY.containsKey(port);
        }
        return !port.startsWith("/") || Files.exists(Path.of(port));
    }

    static void registerMemory(String port, Supplier<R30xTransport> line) {
        MEMORY.put(port, line);
    }

    static void unregisterMemory(String port) {
        MEMORY.remove(port);
    }
}
