package id.rekam.core.signature;

import id.rekam.core.domain.DeviceRef;
import id.rekam.core.domain.SignatureCapture;

/**
 * A citizen who cannot sign (cannot write, an injured hand): the record says so instead of
 * carrying a scribble made to get past the signature step. The capture is an image of the words
 * (the desk's language), no strokes, and this provenance device, which any reader of the packet
 * can test for (packet-format.md, "A citizen who cannot sign").
 */
public final class CannotSign {

    public static final String DEVICE_ID = "CANNOT-SIGN";

    private CannotSign() {
    }

    /** The "device" of such a capture: no pad was used. */
    public static DeviceRef device(String ownerOffice) {
        return new DeviceRef(DEVICE_ID, "signature", "citizen cannot sign", "", ownerOffice == null ? "" : ownerOffice,
                false);
    }

    public static boolean is(SignatureCapture s) {
        return s != null && DEVICE_ID.equals(s.provenance().device().deviceId());
    }
}
