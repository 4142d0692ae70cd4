package id.rekam.core.export;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxEvent;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.StationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Safety bundles: a mobile team's second copy of every record the server has not confirmed yet,
 * written to removable media at any time (and prompted at the end of a day). Same format and
 * crypto as an export ({@link ExportManifest}, purpose {@code safety}), but the records' state
 * does not change: they stay queued and the station delivers them as usual. Incremental per
 * media: packets already in a safety bundle of this station on the same directory (checked by
 * this station's own signature) are not written again. Records no supervisor approved yet are
 * copied too, marked so that no relay or import forwards them.
 */
public final class SafetyBundles {

    private static final Logger LOG = LoggerFactory.getLogger(SafetyBundles.class);
    private static final int ALL = Integer.MAX_VALUE;
    public static final String PREFIX = "rekam-safety-";

    /** @param notOnAnySafetyCopy of {@code unconfirmed}, those no safety bundle holds yet */
    public record Pending(int unconfirmed, long notOnAnySafetyCopy, long unapproved) {
    }

    /**
     * @param bundle        the bundle written, or null when the media already held everything
     * @param alreadyOnMedia unconfirmed packets found in earlier safety bundles on the media
     */
    public record Result(Path bundle, String bundleId, int written, int alreadyOnMedia, int events,
                         int unapproved) {
    }

    private final StationStore store;
    private final Clock clock;
    private final Supplier<byte[]> tally;

    /** @param tally the station's coverage counts as JSON (numbers only), or null for none */
    public SafetyBundles(StationStore store, Clock clock, Supplier<byte[]> tally) {
        this.store = store;
        this.clock = clock;
        this.tally = tally;
    }

    /** Every packet the server has not decided, oldest first. */
    private List<OutboxEntry> unconfirmed() {
        List<OutboxEntry> out = new ArrayList<>();
        for (OutboxState s : OutboxState.values()) {
            if (!s.isDecided()) {
                out.addAll(store.outbox().inState(s, ALL));
            }
        }
        out.sort(Comparator.comparing(OutboxEntry::createdAt).thenComparing(OutboxEntry::packetId));
        return out;
    }

    public Pending pending() {
        List<OutboxEntry> all = unconfirmed();
        Set<String> copied = store.read(tx -> {
            Set<String> ids = new HashSet<>();
            try (PreparedStatement p = tx.connection().prepareStatement("SELECT packet_id FROM safety_copies");
                 var rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
        return new Pending(all.size(), all.stream().filter(e -> !copied.contains(e.packetId())).count(),
                all.stream().filter(e -> e.state() == OutboxState.CAPTURED).count());
    }

    public Result write(Path media, char[] passphrase, String operator, PendingExport.Progress progress)
            throws ExportException {
        BundleWriter.requireStrong(passphrase);
        OnMedia earlier = onMedia(media);
        List<OutboxEntry> all = unconfirmed();
        List<OutboxEntry> todo = all.stream().filter(e -> !earlier.packets.contains(e.packetId())).toList();
        List<OutboxEvent> events = store.events().pending(ALL).stream()
                .filter(e -> !earlier.events.contains(e.id())).toList();
        int already = all.size() - todo.size();
        if (todo.isEmpty() && events.isEmpty()) {
            return new Result(null, null, 0, already, 0, 0);
        }
        Set<String> unapproved = new HashSet<>();
        todo.stream().filter(e -> e.state() == OutboxState.CAPTURED).forEach(e -> unapproved.add(e.packetId()));
        String bundleId = PREFIX + store.stationId() + "-" + PendingExport.STAMP.format(clock.instant());
        List<String> ids = todo.stream().map(OutboxEntry::packetId).toList();
        new BundleWriter(store).write(media, bundleId, ExportManifest.SAFETY, clock.instant(), passphrase,
                new BundleWriter.Contents(ids, unapproved, events, tally == null ? null : tally.get(),
                        earlier.bundles), progress);
        long at = clock.millis();
        store.inTransaction(tx -> {
            try (PreparedStatement p = tx.connection().prepareStatement("INSERT INTO safety_copies "
                    + "(packet_id, bundle_id, written_at) VALUES (?,?,?) ON CONFLICT (packet_id) DO UPDATE SET "
                    + "bundle_id = excluded.bundle_id, written_at = excluded.written_at")) {
                for (String id : ids) {
                    p.setString(1, id);
                    p.setString(2, bundleId);
                    p.setLong(3, at);
                    p.addBatch();
                }
                p.executeBatch();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("packets", ids.size());
            details.put("alreadyOnMedia", already);
            details.put("unapproved", unapproved.size());
            details.put("events", events.size());
            details.put("previous", earlier.bundles);
            return tx.audit(operator, AuditActions.SAFETY_BUNDLE_WRITTEN, bundleId, details);
        });
        return new Result(media.resolve(bundleId), bundleId, ids.size(), already, events.size(), unapproved.size());
    }

    private record OnMedia(Set<String> packets, Set<String> events, List<String> bundles) {
    }

    /** This station's safety bundles on the media, each trusted only once its signature verifies. */
    private OnMedia onMedia(Path media) {
        Set<String> packets = new HashSet<>();
        Set<String> events = new HashSet<>();
        List<String> bundles = new ArrayList<>();
        String mine = PREFIX + store.stationId() + "-";
        if (!Files.isDirectory(media)) {
            return new OnMedia(packets, events, bundles);
        }
        try (Stream<Path> list = Files.list(media)) {
            for (Path dir : list.filter(d -> d.getFileName().toString().startsWith(mine)).sorted().toList()) {
                try {
                    ExportBundle b = ExportBundle.open(dir);
                    b.verify(store.stationPublicKey());
                    b.manifest().packets().forEach(i -> packets.add(i.packetId()));
                    if (b.manifest().events() != null) {
                        events.addAll(b.manifest().events().eventIds());
                    }
                    bundles.add(b.manifest().bundleId());
                } catch (ExportException e) {
                    LOG.warn("{} on the media is not a bundle this station signed; copied again: {}", dir,
                            e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", media, e.toString());
        }
        return new OnMedia(packets, events, bundles);
    }
}
