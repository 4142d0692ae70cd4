package id.rekam.devices;

/** Receives camera frames on the camera's thread; hop to the UI thread before touching UI. */
public interface FrameListener {

    void onFrame(CameraFrame frame);

    /** The camera stopped because of a failure (unplugged, driver error); the text is for the operator. */
    default void onError(DeviceException error) {
    }
}
