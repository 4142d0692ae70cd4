package id.rekam.core.cases;

import id.rekam.core.verdict.ServerVerdict;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the desk knows of one case, opened from its seals: the two records side by side
 * ({@code first} is the earlier record, {@code second} the one that raised the flag), how they
 * were found alike, every source that raised the pair, the letters, the prepared outcome, who
 * closed it, what the server said, and the whole history.
 *
 * @param matchedBy      {@code nik}, {@code fingerprint}, {@code station-check} or what the server said
 * @param matchThreshold the score at which a finger counted as matching; null when not said
 */
public record CaseFile(String id, CaseSource source, String reason, String serverCaseId, CaseState state,
                       Instant openedAt, Instant stateSince, Instant deadline, String villageCode,
                       CaseRecord first, CaseRecord second, String matchedBy, List<ServerVerdict.FingerScore> fingers,
                       Double matchThreshold, List<Raised> raisedBy, List<Invitation> invitations,
                       PreparedOutcome prepared, String closedBy, Instant closedAt, String eventId,
                       ServerAck server, List<HistoryEntry> history) {

    public CaseFile {
        fingers = List.copyOf(fingers);
        raisedBy = List.copyOf(raisedBy);
        invitations = List.copyOf(invitations);
        history = List.copyOf(history);
    }

    /** A source that raised this pair, and when. */
    public record Raised(CaseSource source, String reason, Instant at) {
    }

    /** What the central server said of the outcome event ({@code case-resolved}). */
    public record ServerAck(String status, String code, Instant at) {
    }

    public Set<FieldDifference> differences() {
        return FieldDifference.between(first, second);
    }

    public CaseRecord record(String registrationId) {
        if (first.registrationId().equals(registrationId)) {
            return first;
        }
        if (second.registrationId().equals(registrationId)) {
            return second;
        }
        throw new CaseException("case.recordNotInCase", registrationId, id);
    }

    public CaseRecord other(String registrationId) {
        return record(registrationId) == first ? second : first;
    }

    public Optional<Invitation> lastInvitation() {
        return invitations.isEmpty() ? Optional.empty() : Optional.of(invitations.get(invitations.size() - 1));
    }

    /** Whom letters go to: the record that raised the case, else the earlier one. */
    public CaseRecord citizen() {
        return second.fullName() != null ? second : first;
    }

    @Override
    public String toString() {
        return "CaseFile[" + id + ", " + source + ", " + state + "]";
    }
}
