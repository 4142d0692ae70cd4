package id.rekam.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the search index costs at 100,000 typical records, packed ({@link PackedEntries}) and as
 * it was ({@link StringSearchReference}). The size is computed from the objects' layout on a
 * 64-bit JVM with compressed oops and class pointers (the station's: heap below 32 GB): 12-byte
 * object header, 16-byte array header, 4-byte references, 8-byte alignment.
 *
 * <p>{@code -Drekam.measure=true} also measures used heap after a full GC and times searches of
 * both over the same entries; printed, not asserted (the machine is shared).
 */
class SummaryIndexFootprintTest {

    static final int RECORDS = 100_000;
    static final long BUDGET = 12L * 1024 * 1024;

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }

    private static long array(long bytes) {
        return align(16 + bytes);
    }

    private static long string(String s, Set<String> seen) {
        if (!seen.add(s)) {
            return 0;
        }
        // String: header 12, value 4, hash 4, coder 1, hashIsZero 1 → 24; its byte[] (Latin-1 or UTF-16).
        boolean latin1 = s.chars().allMatch(c -> c <= 0xFF);
        return 24 + array(latin1 ? s.length() : 2L * s.length());
    }

    static PackedEntries packed(int n, long seed, VillageCodes codes) {
        IndonesianSummaries gen = new IndonesianSummaries(seed);
        PackedEntries out = new PackedEntries(n);
        for (int i = 0; i < n; i++) {
            SummaryDoc doc = gen.next();
            out.addNewest(SummaryIndex.entry(gen.id(), doc).pack(codes));
        }
        return out;
    }

    static StringSearchReference strings(int n, long seed) {
        IndonesianSummaries gen = new IndonesianSummaries(seed);
        StringSearchReference out = new StringSearchReference();
        List<StringSearchReference.Entry> newestFirst = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SummaryDoc doc = gen.next();
            newestFirst.add(StringSearchReference.entry(gen.id(), doc));
        }
        Collections.reverse(newestFirst);
        out.entries.addAll(newestFirst);
        return out;
    }

    static long size(PackedEntries entries) {
        long total = array(4L * entries.size()); // the reference array, trimmed
        for (int i = 0; i < entries.size(); i++) {
            total += array(entries.newest(i).length);
        }
        return total;
    }

    static long size(StringSearchReference index) {
        Set<String> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        long total = array(4L * index.entries.size()); // the ArrayList's array, trimmed
        for (StringSearchReference.Entry e : index.entries) {
            total += align(12 + 4 * 4); // the record: four references
            total += string(e.id(), seen) + string(e.nik(), seen);
            total += array(4L * e.nameWords().length);
            for (String w : e.nameWords()) {
                total += string(w, seen);
            }
            total += e.villageCode() == null ? 0 : string(e.villageCode(), seen);
        }
        return total;
    }

    @Test
    void packedIndexOf100000TypicalRecordsFitsTheBudget() {
        long packed = size(packed(RECORDS, 7, new VillageCodes()));
        long strings = size(strings(RECORDS, 7));
        System.out.printf(Locale.ROOT, "search index, %,d records, computed: strings %,d B (%d B/record), "
                        + "packed %,d B (%d B/record)%n", RECORDS, strings, strings / RECORDS, packed,
                packed / RECORDS);
        assertThat(packed).isLessThanOrEqualTo(BUDGET);
        assertThat(packed).isLessThan(strings / 3);
    }

    @Test
    @EnabledIfSystemProperty(named = "rekam.measure", matches = "true")
    void measureHeapAndScanTime() {
        long before = usedAfterGc();
        StringSearchReference strings = strings(RECORDS, 7);
        long withStrings = usedAfterGc();
        VillageCodes codes = new VillageCodes();
        PackedEntries packed = packed(RECORDS, 7, codes);
        long withBoth = usedAfterGc();
        System.out.printf(Locale.ROOT, "used heap after GC: strings %,d B (%d B/record), packed %,d B (%d B/record)%n",
                withStrings - before, (withStrings - before) / RECORDS, withBoth - withStrings,
                (withBoth - withStrings) / RECORDS);

        String[][] queries = {
                {"no hit, name (full scan)", "zzz", "100"},
                {"no hit, two words (full scan)", "siti zzz", "100"},
                {"no hit, NIK digits (full scan)", "99999999", "100"},
                {"common name, limit 100", "siti", "100"},
                {"two words, limit 100", "nur rah", "100"},
                {"NIK part, limit 100", "327601", "100"},
                {"rare full name (full scan)", "muhammad rizky pratama", "100"},
        };
        // Three rounds over all queries, so that both are compiled with the same mixed profile;
        // the last round is printed.
        for (int round = 0; round < 3; round++) {
            for (String[] q : queries) {
                int limit = Integer.parseInt(q[2]);
                double[] s = time(() -> strings.matching(q[1], limit).size());
                double[] p = time(() -> SearchQuery.of(q[1]).matching(packed, limit).size());
                if (round == 2) {
                    System.out.printf(Locale.ROOT, "%-32s strings median %.2f ms (min %.2f), packed median %.2f ms "
                                    + "(min %.2f), hits %d / %d%n", q[0], s[0], s[1], p[0], p[1],
                            strings.matching(q[1], limit).size(), SearchQuery.of(q[1]).matching(packed, limit).size());
                }
            }
        }
        // What a load does with the opened snapshot chunks (before the summaries after it).
        List<byte[]> v1 = new ArrayList<>();
        List<byte[]> v2 = new ArrayList<>();
        List<byte[]> part = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            part.add(packed.newest(i));
            if (part.size() == SummaryIndex.CHUNK || i == RECORDS - 1) {
                int from = i + 1 - part.size();
                v1.add(StringSearchReference.encodeV1(strings.entries.subList(from, i + 1)));
                v2.add(SnapshotChunk.write(part, codes));
                part.clear();
            }
        }
        for (int round = 0; round < 3; round++) {
            double[] s = time(() -> v1.stream().mapToInt(c -> StringSearchReference.decodeV1(c).size()).sum());
            double[] p = time(() -> v2.stream().mapToInt(c -> SnapshotChunk.read(c, new VillageCodes()).size()).sum());
            if (round == 2) {
                System.out.printf(Locale.ROOT, "snapshot, %d chunks: format 1 %,d B plain, decode median %.1f ms; "
                                + "format 2 %,d B plain, read median %.1f ms (one thread, before AES-GCM)%n", v1.size(),
                        v1.stream().mapToInt(c -> c.length).sum(), s[0],
                        v2.stream().mapToInt(c -> c.length).sum(), p[0]);
            }
        }
        Reference.reachabilityFence(strings);
        Reference.reachabilityFence(packed);
    }

    /** Median and minimum of 25 timed runs after 15 warm-up runs, in ms. */
    private static double[] time(java.util.function.IntSupplier run) {
        int sink = 0;
        for (int i = 0; i < 15; i++) {
            sink += run.getAsInt();
        }
        double[] ms = new double[25];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            sink += run.getAsInt();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        if (sink == 42) {
            System.out.print("");
        }
        return new double[] {ms[ms.length / 2], ms[0]};
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
