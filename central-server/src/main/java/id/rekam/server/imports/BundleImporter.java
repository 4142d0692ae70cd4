package id.rekam.server.imports;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.export.ExportBundle;
import id.rekam.core.export.ExportException;
import id.rekam.core.export.ExportManifest;
import id.rekam.server.coverage.TallyStore;
import id.rekam.server.events.EventStore;
import id.rekam.server.http.ApiException;
import id.rekam.server.http.Json;
import id.rekam.server.packets.Announcement;
import id.rekam.server.packets.PacketService;
import id.rekam.server.relay.PacketIngest;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Arrays;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

/**
 * Ingests a station's export bundle (written by the station's "export pending records" before
 * it moved office) through the same acceptance path as an upload: announce (signature check,
 * same id + same hash = the same packet), append the body from the server's current offset,
 * completion (hash, manifest, durable store) and the dedup decision. Importing twice, or
 * importing after the station delivered some packets itself, stores nothing twice.
 *
 * <p>Everything is checked before anything is ingested: a bundle with one bad file is refused
 * whole, so a technician never has to work out which half went in.
 */
public final class BundleImporter {

    private static final Logger LOG = LoggerFactory.getLogger(BundleImporter.class);

    private final StationRegistry stations;
    private final EventStore events;
    private final PacketIngest ingest;
    private final TallyStore tallies;

    public BundleImporter(StationRegistry stations, PacketService packets, EventStore events) {
        this(stations, packets, events, null);
    }

    /** @param tallies where a safety bundle's coverage tally goes; null to leave tallies aside */
    public BundleImporter(StationRegistry stations, PacketService packets, EventStore events, TallyStore tallies) {
        this.stations = stations;
        this.events = events;
        this.ingest = new PacketIngest(packets);
        this.tallies = tallies;
    }

    /**
     * @param imported       packets this import stored
     * @param alreadyPresent packets the server already held completely (same id and hash)
     * @param decided        per packet id, the server's state after the import
     * @param unapproved     packets a safety bundle carries that no supervisor approved yet: kept
     *                       on the stick, never ingested
     */
    public record Result(String bundleId, String stationId, int imported, int alreadyPresent, int events,
                         int eventsRefused, Map<String, String> decided, int unapproved) {
    }

    /** Refused before anything was ingested (unknown station, bad signature, wrong passphrase, tampered file). */
    public static final class ImportRefused extends Exception {
        private final String code;

        ImportRefused(String code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public Result importBundle(Path dir, char[] passphrase) throws ImportRefused {
        return importBundle(dir, passphrase, false);
    }

    /**
     * @param acceptFromLost import a bundle of a station revoked as stolen or lost (made, by its
     *                       signed word, before the revocation): only after the administrator
     *                       satisfied themselves that it was made before the loss, since a thief
     *                       can set the station's clock back
     */
    public Result importBundle(Path dir, char[] passphrase, boolean acceptFromLost) throws ImportRefused {
        try {
            ExportBundle bundle = ExportBundle.open(dir);
            Station station = stations.find(bundle.claimedStationId()).orElseThrow(() -> new ImportRefused(
                    "unknown-station", "bundle comes from station " + bundle.claimedStationId()
                    + ", which is not registered with this server", null));
            PublicKey key = station.publicKey();
            bundle.verify(key);
            checkRevocation(station, bundle.manifest(), acceptFromLost);
            bundle.unlock(passphrase);
            ExportManifest m = bundle.manifest();
            List<ExportManifest.PacketItem> approved = m.packets().stream()
                    .filter(ExportManifest.PacketItem::isApproved).toList();
            for (ExportManifest.PacketItem item : approved) {
                announcement(item, bundle.packet(item));
            }
            JsonNode eventBatch = Json.tree(bundle.eventsJson());
            if (!eventBatch.isArray() || eventBatch.size() != (m.events() == null ? 0 : m.events().eventIds().size())) {
                throw new ExportException(ExportException.Problem.TAMPERED, "events file does not match the manifest");
            }
            java.util.Optional<byte[]> tally = bundle.tallyJson();

            int imported = 0;
            int present = 0;
            Map<String, String> decided = new java.util.LinkedHashMap<>();
            for (ExportManifest.PacketItem item : approved) {
                byte[] body = bundle.packet(item);
                PacketIngest.Outcome o = ingest.ingest(station, announcement(item, body), body);
                if (o.stored()) {
                    imported++;
                } else {
                    present++;
                }
                decided.put(o.packet().packetId(), o.packet().state().wire());
            }
            if (tally.isPresent() && tallies != null) {
                tallies.store(station.stationId(), station.office(), tally.get(), "import");
            }
            List<Map<String, Object>> results = events.store(station.stationId(), eventBatch);
            long refused = results.stream().filter(r -> !"stored".equals(r.get("status"))).count();
            LOG.info("bundle {} of {}: {} packets imported, {} already present, {} events ({} refused)",
                    m.bundleId(), station.stationId(), imported, present, results.size(), refused);
            return new Result(m.bundleId(), station.stationId(), imported, present, results.size(), (int) refused,
                    decided, m.packets().size() - approved.size());
        } catch (ExportException e) {
            throw new ImportRefused(code(e.problem()), e.getMessage(), e);
        } catch (ApiException e) {
            // The acceptance path said no (e.g. same id, other content): nothing half-done to hide.
            throw new ImportRefused(e.code(), e.getMessage(), e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private Announcement announcement(ExportManifest.PacketItem item, byte[] body) throws ExportException {
        try {
            return ingest.announcement(item.packetId(), item.kind(), item.sha256(), item.signature(),
                    item.contentSha256(), body);
        } catch (ApiException e) {
            throw new ExportException(ExportException.Problem.TAMPERED, e.getMessage(), e);
        }
    }

    /**
     * What a revoked station signed after its revocation does not count: its bundle must say it was
     * made before. One from a stolen or lost station needs the administrator's explicit consent.
     */
    private static void checkRevocation(Station station, ExportManifest m, boolean acceptFromLost)
            throws ImportRefused {
        if (!station.revoked()) {
            return;
        }
        java.time.Instant made;
        try {
            made = java.time.Instant.parse(m.createdAt());
        } catch (RuntimeException e) {
            throw new ImportRefused("station-revoked", "bundle of revoked station " + station.stationId()
                    + " does not say when it was made", e);
        }
        if (!made.isBefore(station.revocation().at())) {
            throw new ImportRefused("station-revoked", "bundle of " + station.stationId() + " was made " + made
                    + ", after the station was revoked (" + station.revocation().at() + ")", null);
        }
        if (station.revocation().reason().possibleExposure() && !acceptFromLost) {
            throw new ImportRefused("station-revoked", "station " + station.stationId() + " was revoked as "
                    + station.revocation().reason().wire() + "; import its bundle only with --accept-from-lost-station", null);
        }
    }

    private static String code(ExportException.Problem p) {
        return switch (p) {
            case NOT_A_BUNDLE, NOT_SEALED -> "not-a-bundle";
            case BAD_SIGNATURE -> "bad-signature";
            case WRONG_PASSPHRASE -> "wrong-passphrase";
            case TAMPERED -> "tampered";
            case WEAK_PASSPHRASE, TARGET_NOT_WRITABLE -> "export-failed";
        };
    }
}
