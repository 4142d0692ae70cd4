package id.rekam.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import id.rekam.core.audit.AuditActions;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxEvent;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.StationStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes every packet that has no final verdict yet (and every pending event) into an
 * encrypted bundle on a directory the technician chose — a USB stick, before the station moves
 * to another office — then moves those packets to EXPORTED. The bundle holds the packets byte
 * for byte as the station signed them, each sealed with AES-256-GCM under a key derived from an
 * export passphrase: nothing on the stick is readable without it. The central server ingests
 * it with {@code central-server import-bundle}; see docs/design/packaging.md.
 *
 * <p>Records still waiting for a supervisor's approval are not exported (the server must never
 * receive unapproved records); the result counts them so the wizard can say so.
 */
public final class PendingExport {

    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    private static final int ALL = Integer.MAX_VALUE;
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Progress of a long export: {@code done} of {@code total} items written. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    /**
     * @param bundle     the bundle directory written, or null when there was nothing to export
     * @param unapproved records left behind because no supervisor approved them yet
     */
    public record Result(Path bundle, String bundleId, int packets, int events, long unapproved) {
    }

    private final StationStore store;
    private final Clock clock;

    public PendingExport(StationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Packets an export would take now, and records it would leave for approval. */
    public record Pending(int packets, int events, long unapproved) {
    }

    public Pending pending() {
        return new Pending(exportable().size(), store.events().pending(ALL).size(),
                store.outbox().countByState().getOrDefault(OutboxState.CAPTURED, 0L));
    }

    private List<OutboxEntry> exportable() {
        List<OutboxEntry> out = new ArrayList<>();
        for (OutboxState s : OutboxState.values()) {
            if (s.isExportable()) {
                out.addAll(store.outbox().inState(s, ALL));
            }
        }
        out.sort(Comparator.comparing(OutboxEntry::createdAt).thenComparing(OutboxEntry::packetId));
        return out;
    }

    public Result export(Path targetDir, char[] passphrase, String technician, Progress progress)
            throws ExportException {
        BundleWriter.requireStrong(passphrase);
        List<OutboxEntry> packets = exportable();
        List<OutboxEvent> events = store.events().pending(ALL);
        long unapproved = store.outbox().countByState().getOrDefault(OutboxState.CAPTURED, 0L);
        if (packets.isEmpty() && events.isEmpty()) {
            return new Result(null, null, 0, 0, unapproved);
        }
        String bundleId = "rekam-export-" + store.stationId() + "-" + STAMP.format(clock.instant());
        new BundleWriter(store).write(targetDir, bundleId, ExportManifest.EXPORT, clock.instant(), passphrase,
                new BundleWriter.Contents(packets.stream().map(OutboxEntry::packetId).toList(), Set.of(), events,
                        null, List.of()), progress);
        // Only a bundle complete on the stick changes the outbox; a crash before this leaves the
        // packets where they were and the bundle importable (same ids, same hashes).
        int marked = store.outbox().markExported(packets.stream().map(OutboxEntry::packetId).toList(), bundleId,
                technician);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("packets", packets.size());
        details.put("markedExported", marked);
        details.put("events", events.size());
        details.put("eventIds", events.stream().map(OutboxEvent::id).toList());
        details.put("unapproved", unapproved);
        store.audit(technician, AuditActions.RECORDS_EXPORTED, bundleId, details);
        return new Result(targetDir.resolve(bundleId), bundleId, packets.size(), events.size(), unapproved);
    }

}
