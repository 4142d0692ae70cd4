package id.rekam.diag.scanner;

import id.rekam.devices.scanner.JsscTransport;
import jssc.SerialNativeInterface;
import jssc.SerialPortList;

import java.util.Arrays;
import java.util.List;

/**
 * Whether the scanner's native code works here: jssc's serial library and the libc read end
 * (JNA) that keeps a pulled scanner from hanging a read. Native code fails only at run time, when
 * a library is missing; the technician's scanner check and the installer's self-test both ask.
 */
public final class SerialDriver {

    /** @param reads how scanner reads work on this system; {@code ports} the serial ports listed now */
    public record Facts(String jssc, String reads, List<String> ports) {
    }

    private SerialDriver() {
    }

    /** @throws LinkageError or RuntimeException when a native part does not load */
    public static Facts load() {
        String version = SerialNativeInterface.getNativeLibraryVersion();
        String reads = JsscTransport.describeReads();
        return new Facts(version, reads, Arrays.asList(SerialPortList.getPortNames()));
    }
}
