package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.audit.AuditAnchor;
import id.rekam.core.store.StationStore;
import id.rekam.sync.api.CentralApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of an unlocked pass (docs/sync-protocol.md §8a): the station's audit head is
 * anchored at the server and the server's signed receipt kept in the store, which from then on
 * names a trail cut below it at every open and {@code verify}. A receipt for a higher entry than
 * this trail has (the server refused a rollback) is kept as well: it is what names the cut.
 * Only with the unlocked store: keeping a receipt is an audited change.
 */
final class AuditAnchoring {

    private static final Logger LOG = LoggerFactory.getLogger(AuditAnchoring.class);

    private final StationStore store;
    private final CentralApi api;

    AuditAnchoring(StationStore store, CentralApi api) {
        this.store = store;
        this.api = api;
    }

    /** @return what the kept receipt anchors; null when the trail is empty (nothing to anchor) */
    AuditAnchor anchor() throws SyncFailure {
        StationStore.AuditHead head = store.auditHead();
        if (head.seq() < 1) {
            return null;
        }
        JsonNode receipt = api.auditAnchor(head.seq(), head.hash());
        AuditAnchor kept = store.recordAuditAnchor(receipt);
        if (kept.seq() != head.seq()) {
            LOG.error("the server anchored audit entry {} before; this trail ends at {}: it was cut", kept.seq(),
                    head.seq());
        }
        return kept;
    }
}
