package id.rekam.app.ports;

import java.util.Map;
import java.util.Optional;

/**
 * The half-filled enrollment form, kept encrypted so a crash or power cut mid-form loses
 * nothing; offered for resume at the next login.
 */
public interface DraftService {

    void save(Map<String, String> fields);

    Optional<Map<String, String>> load();

    void clear();
}
