package id.rekam.core.verdict;

import id.rekam.core.domain.RegistrationId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's verdicts on this station's records, kept as each record's state and sealed data.
 * Applying one is a single store transaction: the outbox state changes (an entry still UPLOADING
 * is acknowledged first, an accepted one becomes print-ready through CONFIRMED), each transition
 * is audited without personal data, and the verdict's data is sealed beside it. Applying the same
 * verdict again (a feed page re-read after a crash) changes nothing.
 */
public interface Verdicts {

    /**
     * @return true when the record now reflects the verdict; false when the packet is unknown or
     *         not waiting for a verdict (still queued, parked or exported: the uploader's announce
     *         learns the verdict and applies it then)
     */
    boolean apply(String packetId, ServerVerdict verdict, String actor);

    /**
     * Accepted verdicts of a feed page in one transaction, with the same effect as {@link #apply}
     * for each; returns the packet ids that became CONFIRMED.
     */
    List<String> applyAccepted(Map<String, ServerVerdict.Accepted> verdicts, String actor);

    /** The latest verdict on a packet (print-ready after accepted), opened. */
    Optional<ServerVerdict> latest(String packetId);

    /** The latest verdict on a record's packet (what the desk shows for a record). */
    Optional<ServerVerdict> ofRecord(RegistrationId id);

    /** Every verdict on a packet, oldest first. */
    List<ServerVerdict> history(String packetId);
}
