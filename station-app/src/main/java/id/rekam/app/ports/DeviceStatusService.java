package id.rekam.app.ports;

import java.util.List;

/** What the status bar shows about devices and the network. */
public interface DeviceStatusService {

    List<DeviceState> devices();

    /** Null when no sync client is wired: the status bar then says so instead of guessing. */
    Boolean online();

    record DeviceState(String kind, String model, boolean ready, boolean simulated) {
    }
}
