package id.rekam.bench.field;

import id.rekam.bench.identification.SyntheticPeople;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.store.StationStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * BENCHMARK ONLY. Gives every record of a big-queue store ten real SourceAFIS templates in
 * {@code fingerprint_templates}, sealed as a capture seals them, so the station's identification
 * index is built at unlock from what a real station holds. The templates are SIMULATED people
 * from the identification benchmark's cache ({@link SyntheticPeople}); 100,000 distinct people
 * would be ≈18 CPU-hours to generate, so the cached people repeat under the store's record ids
 * (record {@code i} gets person {@code i mod distinct}). What the index costs per person does not
 * depend on whether people are distinct; its posting lists may differ slightly in length.
 */
final class BigQueueGallery {

    /** At most this many people are generated when the cache holds none, ≈0.64 CPU-s each. */
    static final int GENERATED_WHEN_EMPTY = SyntheticPeople.CHUNK;
    private static final Pattern SEED_DIR = Pattern.compile("seed-(\\d+)");
    private static final int BATCH = 1_000;

    private final List<Map<FingerPosition, byte[]>> people;

    private BigQueueGallery(List<Map<FingerPosition, byte[]>> people) {
        this.people = people;
    }

    /**
     * The cached people in {@code seedDir} (a {@code seed-N} directory of the identification
     * benchmark's cache), at most {@code wanted}, from person 0 through the last chunk cached
     * without a gap. With none cached, generates up to {@value #GENERATED_WHEN_EMPTY} people into
     * it first (minutes of CPU; the store then repeats them). Never fakes a template.
     */
    static BigQueueGallery load(Path seedDir, int wanted) throws IOException {
        Matcher m = SEED_DIR.matcher(String.valueOf(seedDir.getFileName()));
        if (!m.matches()) {
            throw new IllegalArgumentException("--people must name a seed-N directory of the identification "
                    + "benchmark's gallery cache (e.g. bench/target/identification-people/seed-2035), not " + seedDir);
        }
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            SyntheticPeople cache = new SyntheticPeople(seedDir.getParent(), Long.parseLong(m.group(1)), pool);
            int cached = 0;
            while (cache.cached(cached, 0)) {
                cached += SyntheticPeople.CHUNK;
            }
            List<SyntheticPeople.Person> found;
            if (cached > 0) {
                found = cache.range(0, Math.min(wanted, cached), 0);
            } else {
                int n = Math.min(wanted, GENERATED_WHEN_EMPTY);
                System.err.printf("no cached people in %s: generating %d SIMULATED people there (≈%.0f CPU-s)%n",
                        seedDir, n, n * 0.64);
                Files.createDirectories(seedDir);
                found = cache.selection("bigqueue-n" + n, IntStream.range(0, n).toArray(), 0);
            }
            List<Map<FingerPosition, byte[]>> out = new ArrayList<>(found.size());
            for (SyntheticPeople.Person p : found) {
                out.add(prints(p));
            }
            if (cache.generatedFingers() > 0) {
                System.err.printf("generated %d fingers, %.0f ms CPU each%n", cache.generatedFingers(),
                        cache.cpuMsPerGeneratedFinger());
            }
            return new BigQueueGallery(Collections.unmodifiableList(out));
        } finally {
            pool.shutdownNow();
        }
    }

    int distinct() {
        return people.size();
    }

    /** Person {@code i mod distinct}'s templates: what the duplicate check of a probe session looks for. */
    Map<FingerPosition, byte[]> person(int i) {
        return people.get(i % people.size());
    }

    /** Seals a templates row for every record of the store, in record insertion order. */
    void attachTo(StationStore store) {
        store.inTransaction(tx -> {
            List<String> ids = new ArrayList<>();
            try (Statement s = tx.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM records ORDER BY rowid")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            try (PreparedStatement p = tx.connection().prepareStatement(
                    "INSERT INTO fingerprint_templates (record_id, sealed) VALUES (?, ?)")) {
                for (int i = 0; i < ids.size(); i++) {
                    p.setString(1, ids.get(i));
                    p.setBytes(2, tx.sealTemplates(ids.get(i), person(i)));
                    p.addBatch();
                    if (i % BATCH == BATCH - 1) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            return null;
        });
    }

    private static Map<FingerPosition, byte[]> prints(SyntheticPeople.Person p) {
        Map<FingerPosition, byte[]> out = new EnumMap<>(FingerPosition.class);
        FingerPosition[] positions = FingerPosition.values();
        for (int f = 0; f < SyntheticPeople.FINGERS; f++) {
            out.put(positions[f], p.templates()[f]);
        }
        return Collections.unmodifiableMap(out);
    }
}
