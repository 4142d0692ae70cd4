package id.rekam.identification;

import id.rekam.core.domain.FingerPosition;
import id.rekam.core.identification.DuplicatePolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * 1:N fingerprint identification for a kecamatan (station) or a kabupaten partition
 * (server). Three stages:
 *
 * <ol>
 *   <li><b>Retrieval</b>: each probe finger's minutiae triangles ({@link Triplets}) are looked
 *       up in an inverted index of every stored finger; a stored person's similarity is, per
 *       probe finger, the votes of their best finger at any position (so fingers captured in
 *       another order still line up), summed over the probe's fingers. This ranks the whole
 *       gallery in a few tens of milliseconds from ~0.5 KB per stored finger.</li>
 *   <li><b>Verification</b>: the best {@code shortlist} people are read through the
 *       {@link TemplateSource} and every probe finger is matched by SourceAFIS against every
 *       one of their fingers (only the same position when the policy has cross-position
 *       search off).</li>
 *   <li><b>Decision</b>: the {@link DuplicatePolicy} turns each candidate's scores into a
 *       verdict, and the record's exceptions and candidates into the record's verdict.</li>
 * </ol>
 *
 * Thread-safe: checks run concurrently under a shared lock (held only while ranking), people
 * are added and removed under an exclusive one. Ranking and verification use the given pool.
 */
public final class IdentificationEngine {

    static final int FINGERS = FingerPosition.values().length;
    /** People verified per check unless set otherwise; see the design note for the rates behind it. */
    public static final int DEFAULT_SHORTLIST = 12;
    private static final int BULK_SLICE = 8192;

    private final DuplicatePolicy policy;
    private final TemplateSource templates;
    private final ForkJoinPool pool;
    private final int shortlist;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ShortlistVerifier verifier;

    private PostingIndex index = new PostingIndex();
    private final Map<String, Integer> slots = new HashMap<>();
    private String[] ids = new String[1024];
    private short[] fingerMask = new short[1024];
    private int slotCount;

    public IdentificationEngine(DuplicatePolicy policy, TemplateSource templates, ForkJoinPool pool, int shortlist) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.pool = Objects.requireNonNull(pool, "pool");
        if (shortlist < 1) {
            throw new IllegalArgumentException("shortlist must be at least 1");
        }
        this.shortlist = shortlist;
        this.verifier = new ShortlistVerifier(policy, templates, pool);
    }

    public IdentificationEngine(DuplicatePolicy policy, TemplateSource templates) {
        this(policy, templates, ForkJoinPool.commonPool(), DEFAULT_SHORTLIST);
    }

    public DuplicatePolicy policy() {
        return policy;
    }

    /**
     * Indexes a person's fingers (replacing what was indexed under the id). Templates SourceAFIS
     * cannot read are skipped: they cannot be matched either.
     *
     * @return how many fingers were indexed
     */
    public int add(String personId, Map<FingerPosition, byte[]> prints) {
        return addFeatures(personId, FingerFeatures.of(prints));
    }

    /**
     * Indexes many people, computing their features on the pool first (e.g. at unlock or start);
     * the index is merged once at the end, so load a gallery with one call, not in small batches.
     */
    public void addAll(Map<String, Map<FingerPosition, byte[]>> people) {
        List<Map.Entry<String, Map<FingerPosition, byte[]>>> list = new ArrayList<>(people.entrySet());
        // in slices, so the features of a whole kabupaten partition never sit in memory at once
        // and checks can run between slices
        for (int from = 0; from < list.size(); from += BULK_SLICE) {
            List<Map.Entry<String, Map<FingerPosition, byte[]>>> slice =
                    list.subList(from, Math.min(list.size(), from + BULK_SLICE));
            FingerFeatures[] features = new FingerFeatures[slice.size()];
            pool.submit(() -> IntStream.range(0, slice.size()).parallel()
                    .forEach(i -> features[i] = FingerFeatures.of(slice.get(i).getValue()))).join();
            lock.writeLock().lock();
            try {
                for (int i = 0; i < features.length; i++) {
                    addLocked(slice.get(i).getKey(), features[i], true);
                }
                index.mergeIfDoubled(this::alive);
            } finally {
                lock.writeLock().unlock();
            }
        }
        lock.writeLock().lock();
        try {
            // a bulk load ends compact: no tail to scan per probe finger, no spare capacity held
            index.merge(this::alive);
        } finally {
            lock.writeLock().unlock();
        }
    }

    int addFeatures(String personId, FingerFeatures features) {
        lock.writeLock().lock();
        try {
            return addLocked(personId, features, false);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int addLocked(String personId, FingerFeatures features, boolean bulk) {
        Objects.requireNonNull(personId, "personId");
        removeLocked(personId);
        int slot = slotCount++;
        if (slot == ids.length) {
            ids = Arrays.copyOf(ids, slot * 2);
            fingerMask = Arrays.copyOf(fingerMask, slot * 2);
        }
        ids[slot] = personId;
        slots.put(personId, slot);
        int indexed = 0;
        for (int p = 0; p < FINGERS; p++) {
            int[] buckets = features.buckets()[p];
            if (buckets != null) {
                fingerMask[slot] |= (short) (1 << p);
                index.add(slot * FINGERS + p, buckets, this::alive, bulk);
                indexed++;
            }
        }
        return indexed;
    }

    /** Takes a person out of the index (their postings are dropped at the next merge). */
    public boolean remove(String personId) {
        lock.writeLock().lock();
        try {
            return removeLocked(personId);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private boolean removeLocked(String personId) {
        Integer slot = slots.remove(personId);
        if (slot == null) {
            return false;
        }
        ids[slot] = null;
        fingerMask[slot] = 0;
        return true;
    }

    private boolean alive(int finger) {
        int slot = finger / FINGERS;
        return ids[slot] != null && (fingerMask[slot] & (1 << (finger % FINGERS))) != 0;
    }

    public int size() {
        lock.readLock().lock();
        try {
            return slots.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean contains(String personId) {
        lock.readLock().lock();
        try {
            return slots.containsKey(personId);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Heap held by the index's arrays and per-person tables (excluding the id strings). */
    public long indexBytes() {
        lock.readLock().lock();
        try {
            return index.heapBytes() + 6L * ids.length;
        } finally {
            lock.readLock().unlock();
        }
    }

    public Identification identify(Probe probe) {
        return identify(probe, c -> {
        });
    }

    /**
     * Checks a record against everyone indexed.
     *
     * @param found called with each candidate the policy does not clear as soon as it is
     *              verified (from a pool thread), so a screen can show it before the check ends
     */
    public Identification identify(Probe probe, Consumer<Identification.Candidate> found) {
        long t0 = System.nanoTime();
        Map<FingerPosition, Minutiae> readable = new EnumMap<>(FingerPosition.class);
        probe.prints().forEach((position, bytes) -> {
            try {
                readable.put(position, Minutiae.read(bytes));
            } catch (IllegalArgumentException unreadable) {
                // an unreadable probe template can match nothing; the policy counts prints, not bytes
            }
        });
        List<Ranked> ranked = rank(readable, probe.self());
        long t1 = System.nanoTime();
        List<Identification.Candidate> candidates = verifier.verify(probe, readable.keySet(), ranked, found);
        long t2 = System.nanoTime();
        List<DuplicatePolicy.CandidateVerdict> verdicts = candidates.stream()
                .map(Identification.Candidate::assessment).toList();
        return new Identification(policy.recordVerdict(probe.exceptions(), verdicts),
                policy.tooManyExceptions(probe.exceptions()), candidates, ranked.size(), t1 - t0, t2 - t1);
    }

    record Ranked(String personId, int rank, int votes) {
    }

    /** The {@code shortlist} most similar people by index votes, best first (ties by id). */
    List<Ranked> rank(Map<FingerPosition, Minutiae> probe, String self) {
        List<FingerPosition> positions = new ArrayList<>(probe.keySet());
        int[][] probeBuckets = pool.submit(() -> positions.parallelStream()
                .map(p -> PostingIndex.buckets(Triplets.probe(probe.get(p))))
                .toArray(int[][]::new)).join();
        lock.readLock().lock();
        try {
            int people = slotCount;
            int[][] perFinger = pool.submit(() -> IntStream.range(0, positions.size()).parallel()
                    .mapToObj(i -> bestPerPerson(positions.get(i), probeBuckets[i], people))
                    .toArray(int[][]::new)).join();
            int[] total = new int[people];
            for (int[] best : perFinger) {
                for (int s = 0; s < people; s++) {
                    total[s] += best[s];
                }
            }
            Integer selfSlot = self == null ? null : slots.get(self);
            return top(total, selfSlot == null ? -1 : selfSlot);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Per person, the votes of their finger most similar to this probe finger. */
    private int[] bestPerPerson(FingerPosition position, int[] buckets, int people) {
        long[] bits = new long[PostingIndex.BUCKETS / 64];
        for (int b : buckets) {
            bits[b >>> 6] |= 1L << b;
        }
        short[] votes = new short[people * FINGERS];
        index.vote(buckets, bits, votes);
        int[] best = new int[people];
        int own = position.ordinal();
        for (int s = 0; s < people; s++) {
            int base = s * FINGERS;
            int b = votes[base + own];
            if (policy.crossPosition()) {
                for (int p = 0; p < FINGERS; p++) {
                    b = Math.max(b, votes[base + p]);
                }
            }
            best[s] = b;
        }
        return best;
    }

    private List<Ranked> top(int[] total, int exclude) {
        // a bounded selection: keep the best `shortlist` (votes desc, then id asc for stable results)
        Comparator<Ranked> better = Comparator.comparingInt(Ranked::votes).reversed().thenComparing(Ranked::personId);
        java.util.PriorityQueue<Ranked> heap = new java.util.PriorityQueue<>(better.reversed());
        for (int s = 0; s < total.length; s++) {
            if (total[s] == 0 || s == exclude || ids[s] == null) {
                continue;
            }
            if (heap.size() < shortlist || total[s] >= heap.peek().votes()) {
                heap.add(new Ranked(ids[s], 0, total[s]));
                if (heap.size() > shortlist) {
                    heap.poll();
                }
            }
        }
        List<Ranked> out = new ArrayList<>(heap);
        out.sort(better);
        List<Ranked> ranked = new ArrayList<>(out.size());
        for (int r = 0; r < out.size(); r++) {
            ranked.add(new Ranked(out.get(r).personId(), r, out.get(r).votes()));
        }
        return ranked;
    }

    /**
     * The index as bytes for an encrypted snapshot (the caller seals it): people sorted by
     * id with their fingers' triangle buckets, so the same people give the same bytes however
     * and in whatever order they were added.
     */
    public byte[] snapshot() {
        lock.writeLock().lock();
        try {
            int[][] byFinger = index.byFinger(slotCount * FINGERS, this::alive);
            Map<String, int[][]> people = new java.util.TreeMap<>();
            for (Map.Entry<String, Integer> e : slots.entrySet()) {
                int[][] fingers = new int[FINGERS][];
                for (int p = 0; p < FINGERS; p++) {
                    if ((fingerMask[e.getValue()] & (1 << p)) != 0) {
                        int[] b = byFinger[e.getValue() * FINGERS + p];
                        fingers[p] = b == null ? new int[0] : b;
                    }
                }
                people.put(e.getKey(), fingers);
            }
            return IndexSnapshot.write(people);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Replaces the whole index with a snapshot made by {@link #snapshot()}.
     *
     * @throws IllegalArgumentException the bytes are not a snapshot of this index version
     */
    public void restore(byte[] snapshot) {
        Map<String, int[][]> people = IndexSnapshot.read(snapshot);
        lock.writeLock().lock();
        try {
            slots.clear();
            ids = new String[Math.max(1024, people.size())];
            fingerMask = new short[ids.length];
            slotCount = 0;
            int[][] byFinger = new int[people.size() * FINGERS][];
            for (Map.Entry<String, int[][]> e : people.entrySet()) {
                int slot = slotCount++;
                ids[slot] = e.getKey();
                slots.put(e.getKey(), slot);
                for (int p = 0; p < FINGERS; p++) {
                    if (e.getValue()[p] != null) {
                        fingerMask[slot] |= (short) (1 << p);
                        byFinger[slot * FINGERS + p] = e.getValue()[p];
                    }
                }
            }
            index = new PostingIndex();
            index.rebuild(byFinger);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
