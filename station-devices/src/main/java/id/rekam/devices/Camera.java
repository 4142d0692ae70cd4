package id.rekam.devices;

import java.util.Optional;

/**
 * A camera delivering a live stream on its own thread. Starting and stopping return
 * quickly; frames and errors arrive at the listener on the camera's thread.
 */
public interface Camera extends Device {

    /** Opens the camera on its grabbing thread and starts delivering frames to the listener. */
    void start(FrameListener listener);

    /** Stops delivering frames and releases the camera; waits at most a short while. */
    void stop();

    /** The most recent frame, e.g. the one to keep when the operator presses "Ambil foto". */
    Optional<CameraFrame> latestFrame();
}
