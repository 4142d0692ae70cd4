package id.rekam.devices.scanner;

import id.rekam.devices.DeviceMessages;

/** Confirmation codes of R30x acknowledgements; their texts live in the device message bundle. */
public final class R30xConfirmation {

    public static final int OK = 0x00;
    public static final int RECEIVE_ERROR = 0x01;
    public static final int NO_FINGER = 0x02;
    public static final int IMAGE_FAIL = 0x03;
    public static final int FEATURE_FAIL_DISORDER = 0x06;
    public static final int FEATURE_FAIL_SMALL = 0x07;
    public static final int NO_MATCH = 0x08;
    public static final int NOT_FOUND = 0x09;
    public static final int ENROLL_MISMATCH = 0x0A;
    public static final int BAD_LOCATION = 0x0B;
    public static final int UPLOAD_CHAR_FAIL = 0x0D;
    public static final int UPLOAD_IMAGE_FAIL = 0x0F;
    public static final int WRONG_PASSWORD = 0x13;
    public static final int NO_VALID_IMAGE = 0x15;

    private R30xConfirmation() {
    }

    /** Bundle key for a code; unknown codes share one text that shows the number. */
    public static String messageKey(int code) {
        String key = String.format("r30x.code.%02X", code);
        return DeviceMessages.has(key) ? key : "r30x.code.unknown";
    }
}
