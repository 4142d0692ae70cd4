package id.rekam.core.store;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Decrypted search entries, newest first, loaded on the first search of a session and
 * extended by every save. Summaries never change once written, so entries never go stale.
 * Plaintext in heap, as on the screen: the threat this store addresses is data at rest.
 */
final class SummaryIndex {

    private record Entry(String id, String nik, String[] nameWords) {
    }

    private final Database db;
    private final SummarySeal summaries;
    private List<Entry> entries;

    SummaryIndex(Database db, SummarySeal summaries) {
        this.db = db;
        this.summaries = summaries;
    }

    /**
     * Ids of the newest records matching {@code query}, at most {@code limit}: NIK digits (any
     * part), or every word of the query starting a word of the name (case-insensitive).
     */
    synchronized List<String> matching(String query, int limit) {
        Predicate<Entry> match = matcher(query);
        List<String> hits = new ArrayList<>();
        for (Entry e : entries()) {
            if (hits.size() >= limit) {
                break;
            }
            if (match.test(e)) {
                hits.add(e.id());
            }
        }
        return hits;
    }

    /** A record just committed; only recorded once the index has been loaded. */
    synchronized void added(String id, SummaryDoc doc) {
        if (entries != null) {
            entries.add(0, entry(id, doc));
        }
    }

    private List<Entry> entries() {
        if (entries == null) {
            List<Entry> loaded = db.read(c -> {
                List<Entry> out = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT id, summary FROM records ORDER BY committed_at DESC, rowid DESC")) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        out.add(entry(id, summaries.open(id, rs.getBytes(2))));
                    }
                }
                return out;
            });
            entries = new ArrayList<>(loaded);
        }
        return entries;
    }

    private static Entry entry(String id, SummaryDoc doc) {
        return new Entry(id, doc.nik(), doc.fullName().toUpperCase(Locale.ROOT).split("[\\s.,'-]+"));
    }

    private static Predicate<Entry> matcher(String query) {
        String q = query == null ? "" : query.strip().toUpperCase(Locale.ROOT);
        if (q.isEmpty()) {
            return e -> true;
        }
        if (q.chars().allMatch(Character::isDigit)) {
            return e -> e.nik().contains(q);
        }
        String[] words = q.split("\\s+");
        return e -> {
            for (String w : words) {
                boolean found = false;
                for (String n : e.nameWords()) {
                    if (n.startsWith(w)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        };
    }
}
