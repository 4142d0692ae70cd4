package id.rekam.sync.relay;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.coverage.Coverage;
import id.rekam.core.coverage.Tally;
import id.rekam.core.export.ExportBundle;
import id.rekam.core.export.ExportException;
import id.rekam.core.export.ExportManifest;
import id.rekam.core.export.PendingExport;
import id.rekam.core.store.StationStore;
import id.rekam.sync.SyncFailure;
import id.rekam.sync.api.RelayClient;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provisioned station with network forwards a team member's safety bundle to the central
 * server. Nothing is forwarded until the whole bundle checks out against the ORIGIN's key (asked
 * of the server, which answers only for stations of this office): manifest signature, passphrase,
 * every file's hash and tag, every packet's hash and signature. Then each approved packet goes
 * to {@code POST /v1/relay/packets}, where the server checks it again against the origin's key
 * and stores it at most once; records not yet approved stay on the stick. The origin's tally is
 * forwarded and kept here too, so this station's coverage includes its team member.
 * The relay's own records and state are untouched; the origin learns of the verdicts from its
 * own feed when it next reaches the server.
 */
public final class BundleRelay {

    public static final String ACTOR = "relay";

    /** Why a bundle was not forwarded; the operator's screen says it in words. */
    public enum Problem {
        NOT_A_BUNDLE, OWN_BUNDLE, UNKNOWN_STATION, FOREIGN_STATION, BAD_SIGNATURE, WRONG_PASSPHRASE, TAMPERED,
        SERVER_REFUSED
    }

    public static final class Refused extends Exception {
        private final Problem problem;
        private final String stationId;

        Refused(Problem problem, String stationId, String message, Throwable cause) {
            super(message, cause);
            this.problem = problem;
            this.stationId = stationId;
        }

        public Problem problem() {
            return problem;
        }

        /** The station the bundle claims to come from, when it could be read. */
        public String stationId() {
            return stationId;
        }
    }

    /**
     * @param stored      packets this relay's delivery stored on the server
     * @param alreadyHeld packets the server had already (origin upload, another relay, import)
     * @param unapproved  records on the stick no supervisor approved yet: not forwarded
     */
    public record Result(String bundleId, String originStationId, int stored, int alreadyHeld, int unapproved,
                         boolean tallyForwarded) {
    }

    private final StationStore store;
    private final RelayClient client;
    private final Clock clock;

    public BundleRelay(StationStore store, RelayClient client, Clock clock) {
        this.store = store;
        this.client = client;
        this.clock = clock;
    }

    public Result relay(Path bundleDir, char[] passphrase, String operator, PendingExport.Progress progress)
            throws Refused, SyncFailure {
        ExportBundle bundle;
        try {
            bundle = ExportBundle.open(bundleDir);
        } catch (ExportException e) {
            throw new Refused(Problem.NOT_A_BUNDLE, null, e.getMessage(), e);
        }
        String origin = bundle.claimedStationId();
        if (origin.equals(store.stationId())) {
            throw new Refused(Problem.OWN_BUNDLE, origin, "this station's own bundle: it delivers these itself", null);
        }
        PublicKey key;
        try {
            key = client.stationKey(origin);
        } catch (RelayClient.Refused e) {
            throw new Refused("foreign-station".equals(e.code()) ? Problem.FOREIGN_STATION : Problem.UNKNOWN_STATION,
                    origin, e.getMessage(), e);
        }
        List<ExportManifest.PacketItem> approved;
        Optional<byte[]> tally;
        try {
            bundle.verify(key);
            bundle.unlock(passphrase);
            approved = bundle.packets().stream().filter(ExportManifest.PacketItem::isApproved).toList();
            for (ExportManifest.PacketItem item : approved) {
                bundle.packet(item);
            }
            tally = bundle.tallyJson();
        } catch (ExportException e) {
            throw new Refused(switch (e.problem()) {
                case BAD_SIGNATURE -> Problem.BAD_SIGNATURE;
                case WRONG_PASSPHRASE -> Problem.WRONG_PASSPHRASE;
                case NOT_A_BUNDLE -> Problem.NOT_A_BUNDLE;
                default -> Problem.TAMPERED;
            }, origin, e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }

        int stored = 0;
        int held = 0;
        int total = approved.size() + (tally.isPresent() ? 1 : 0);
        progress.update(0, total);
        boolean tallyForwarded = false;
        try {
            for (ExportManifest.PacketItem item : approved) {
                byte[] body = bundle.packet(item);
                RelayClient.Relayed r = client.relayPacket(origin, item.packetId(), item.kind(), item.sha256(),
                        item.contentSha256(), item.signature(), body);
                if (r.stored()) {
                    stored++;
                } else {
                    held++;
                }
                progress.update(stored + held, total);
            }
            if (tally.isPresent()) {
                tallyForwarded = client.relayTally(origin, bundle.manifestBytes(), bundle.manifestSignature(),
                        tally.get());
                new Coverage(store, clock).mergeTeamTally(Tally.fromJson(tally.get()));
                progress.update(total, total);
            }
        } catch (RelayClient.Refused e) {
            throw new Refused(Problem.SERVER_REFUSED, origin, e.code() + ": " + e.getMessage(), e);
        } catch (ExportException e) {
            throw new Refused(Problem.TAMPERED, origin, e.getMessage(), e);
        } finally {
            if (stored + held > 0) {
                audit(operator, bundle, origin, stored, held, approved.size());
            }
        }
        return new Result(bundle.manifest().bundleId(), origin, stored, held,
                bundle.packets().size() - approved.size(), tallyForwarded);
    }

    private void audit(String operator, ExportBundle bundle, String origin, int stored, int held, int approved) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("origin", origin);
        d.put("stored", stored);
        d.put("alreadyHeld", held);
        d.put("approvedInBundle", approved);
        store.audit(operator, AuditActions.BUNDLE_RELAYED, bundle.manifest().bundleId(), d);
    }
}
