package id.rekam.sync;

import id.rekam.core.cases.CaseFeed;
import id.rekam.core.cases.CaseIntake;
import id.rekam.core.cases.CasePolicy;
import id.rekam.core.cases.Cases;
import id.rekam.core.store.StationStore;
import id.rekam.sync.api.FeedItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The feed's part in KTP ganda cases (docs/design/cases.md): a verdict that raises a case (any kind
 * {@link CasePolicy} names, {@code needs-review} included, whether or not this version knows it as
 * a packet state), the server's signed case entries, and — once per pull — the local sources
 * (overrides, verdicts stored before). Taking an entry twice changes nothing, so a page re-read
 * after a crash is harmless; an entry refused (unsigned, for a record not held here) is counted and
 * the feed moves on.
 */
final class CaseEntries {

    private static final Logger LOG = LoggerFactory.getLogger(CaseEntries.class);

    private final Cases cases;
    private final Map<String, Long> refused = new ConcurrentHashMap<>();

    CaseEntries(StationStore store) {
        this.cases = new Cases(store);
    }

    /** Whether this entry is about cases at all (a case entry, or a verdict that raises one). */
    static boolean concerns(FeedItem item) {
        return CaseFeed.handles(item.type()) || (CasePolicy.raisesCase(item.type()) && item.packetId() != null);
    }

    void take(FeedItem item) {
        List<CaseIntake.Result> results = CaseFeed.handles(item.type())
                ? List.of(cases.feed().accept(item.fields()))
                : cases.intake().fromVerdictEntry(item.packetId(), item.type(), item.fields());
        for (CaseIntake.Result r : results) {
            if (r.status() == CaseIntake.Status.REFUSED) {
                refused.merge(r.detail(), 1L, Long::sum);
                LOG.warn("feed entry {} ({}) opened no case: {}", item.cursor(), item.type(), r.detail());
            }
        }
    }

    void takeLocalSources() {
        cases.takeLocalSources();
    }

    /** Case entries refused so far, by reason (no-server-key, bad-signature, unknown-record, ...). */
    Map<String, Long> refused() {
        return Map.copyOf(refused);
    }
}
