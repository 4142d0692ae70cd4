package id.rekam.app.ports;

/**
 * Why a device could not capture, as the operator needs to know it: what to do differs per kind
 * (plug it in, wait, place the finger again), the port path or the driver's words do not. The
 * desk shows {@code device.failure.<KIND>} from its bundle.
 */
public enum DeviceFailure {
    /** No such device is connected (or it is still starting). */
    NO_DEVICE,
    /** The device is there but does not answer in time (stuck, wrong speed). */
    NOT_ANSWERING,
    /** The device went away during the capture (cable pulled, swapped). */
    DISCONNECTED,
    /** The device's port cannot be opened (another program holds it, no permission). */
    PORT_UNAVAILABLE,
    /** The device answered with damaged or unknown data. */
    CORRUPTED,
    /** Nothing was placed on the scanner in time. */
    NO_FINGER,
    /** The image was not usable (smudged, moved, too few features): place the finger again. */
    BAD_IMAGE,
    /** The driver failed to load or start (a missing system library). */
    DRIVER,
    /** The capture was cancelled. */
    CANCELLED,
    /** Anything else; the details are in the log. */
    UNKNOWN
}
