package id.rekam.app.adapters.store;

import id.rekam.core.audit.AuditEntry;
import id.rekam.core.store.StationStore;
import id.rekam.sync.VerdictApplier;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which packets the server reported print-ready. The outbox keeps them CONFIRMED; the sync client
 * writes one audit entry per report, so the index reads the audit trail forward from where it
 * last stopped instead of scanning it again on every records search.
 */
final class PrintReadyIndex {

    private static final int PAGE = 2_000;

    private final StationStore store;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private long nextSeq = 0;

    PrintReadyIndex(StationStore store) {
        this.store = store;
    }

    synchronized void refresh() {
        while (true) {
            List<AuditEntry> page = store.auditTrail(nextSeq, PAGE);
            for (AuditEntry e : page) {
                if (VerdictApplier.PRINT_READY_ACTION.equals(e.action())) {
                    ready.add(e.subject());
                }
                nextSeq = Math.max(nextSeq, e.seq() + 1);
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    boolean contains(String packetId) {
        return ready.contains(packetId);
    }
}
