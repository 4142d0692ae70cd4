package id.rekam.app.ports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Half-filled enrollment forms, kept encrypted so a crash or power cut mid-form loses nothing.
 * Each belongs to the operator who made it: only they are offered it for resume, and supervisors
 * see everybody's as a list, to discard what was abandoned (core's {@code CommitPolicy.maySeeDraft}).
 */
public interface DraftService {

    /** One unfinished form, as a list shows it. */
    record Draft(String id, String operatorId, String fullName, Instant updatedAt) {
    }

    /** The draft id of the recording {@code registrationId} (no personal data: it is stored in the clear). */
    static String idOf(String registrationId) {
        return PREFIX + registrationId;
    }

    String PREFIX = "enrollment:";

    /** Saves or replaces the form under {@code id}; {@code operatorId} made it. */
    void save(String id, String operatorId, Map<String, String> fields);

    Optional<Map<String, String>> load(String id);

    /** The drafts {@code viewer} may see, newest first. */
    List<Draft> visibleTo(Operator viewer);

    /** Discards a draft (audited, naming {@code actor}); false when it was already gone. */
    boolean discard(String id, String actor);
}
