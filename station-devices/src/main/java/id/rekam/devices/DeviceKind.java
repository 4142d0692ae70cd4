package id.rekam.devices;

/** The kinds of capture device a station uses; the value is what {@code DeviceRef.kind} records. */
public enum DeviceKind {
    CAMERA("camera"),
    FINGERPRINT_SCANNER("fingerprint-scanner"),
    SIGNATURE_PAD("signature-pad");

    private final String code;

    DeviceKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
