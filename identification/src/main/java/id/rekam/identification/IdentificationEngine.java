package id.rekam.identification;

import id.rekam.core.domain.FingerPosition;
import id.rekam.core.identification.DuplicatePolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
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
 *       gallery in a few tens of milliseconds from ≈170 bytes per stored finger.</li>
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
    /**
     * People whose features are computed together when loading; also how often loading reports
     * progress. Small, so a load's transient memory (the slice's templates and features) stays a
     * few MB whatever the gallery's size.
     */
    private static final int BULK_SLICE = 256;

    private final DuplicatePolicy policy;
    private final TemplateSource templates;
    private final ForkJoinPool pool;
    private final int shortlist;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ShortlistVerifier verifier;

    private PostingIndex index = new PostingIndex();
    private PersonTable people = new PersonTable();

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
        addAll(people.entrySet().iterator(), done -> {
        });
    }

    /**
     * Indexes people as an iterator gives them (e.g. read page by page from a store), so the
     * gallery's templates never sit in memory at once; merged once at the end, like
     * {@link #addAll(Map)}. Checks can run between slices and see the people added so far.
     *
     * @param progress called with the number of people indexed so far after each slice
     */
    public void addAll(Iterator<? extends Map.Entry<String, Map<FingerPosition, byte[]>>> people,
                       IntConsumer progress) {
        int done = 0;
        List<Map.Entry<String, Map<FingerPosition, byte[]>>> slice = new ArrayList<>(BULK_SLICE);
        while (people.hasNext()) {
            slice.add(people.next());
            if (slice.size() == BULK_SLICE || !people.hasNext()) {
                addSlice(slice);
                done += slice.size();
                slice.clear();
                progress.accept(done);
            }
        }
        lock.writeLock().lock();
        try {
            // a bulk load ends compact: no tail to scan per probe finger, no spare capacity held
            index.merge(this::alive, universe(), pool);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void addSlice(List<Map.Entry<String, Map<FingerPosition, byte[]>>> slice) {
        FingerFeatures[] features = new FingerFeatures[slice.size()];
        pool.submit(() -> IntStream.range(0, slice.size()).parallel()
                .forEach(i -> features[i] = FingerFeatures.of(slice.get(i).getValue()))).join();
        lock.writeLock().lock();
        try {
            for (int i = 0; i < features.length; i++) {
                addLocked(slice.get(i).getKey(), features[i], true);
            }
            index.mergeIfLarge(this::alive, universe(), pool);
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
        int slot = people.add(personId);
        if ((long) people.slots() * FINGERS > Integer.MAX_VALUE - FINGERS) {
            throw new IllegalStateException("index too large for one partition");
        }
        int indexed = 0;
        for (int p = 0; p < FINGERS; p++) {
            int[] buckets = features.buckets()[p];
            if (buckets != null) {
                people.addFinger(slot, p);
                index.add(slot * FINGERS + p, buckets, this::alive, universe(), bulk, pool);
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
        if (people.remove(personId) < 0) {
            return false;
        }
        index.removed();
        return true;
    }

    private boolean alive(int finger) {
        return people.hasFinger(finger / FINGERS, finger % FINGERS);
    }

    /** Finger ids are below this. */
    private int universe() {
        return Math.max(1, people.slots() * FINGERS);
    }

    public int size() {
        lock.readLock().lock();
        try {
            return people.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean contains(String personId) {
        lock.readLock().lock();
        try {
            return people.slot(personId) >= 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Heap held by the index's arrays and per-person tables (ids included). */
    public long indexBytes() {
        lock.readLock().lock();
        try {
            return index.heapBytes() + people.heapBytes();
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
        return identify(probe, new Listener() {
            @Override
            public void found(Identification.Candidate candidate) {
                found.accept(candidate);
            }
        });
    }

    /**
     * What a check reports while it runs (from pool threads), so a screen can show progress and
     * candidates before it ends.
     */
    public interface Listener {
        /** The index ranked the gallery: this many people will be verified. */
        default void shortlisted(int people) {
        }

        /** One more short-listed person was verified ({@code done} of the short list so far). */
        default void verified(int done) {
        }

        /** A candidate the policy does not clear, as soon as it is verified. */
        default void found(Identification.Candidate candidate) {
        }
    }

    /** Checks a record against everyone indexed, telling {@code listener} how far it got. */
    public Identification identify(Probe probe, Listener listener) {
        long t0 = System.nanoTime();
        Map<FingerPosition, Minutiae> readable = readable(probe);
        List<Ranked> ranked = rank(readable, probe.self());
        listener.shortlisted(ranked.size());
        long t1 = System.nanoTime();
        List<Identification.Candidate> candidates = verifier.verify(probe, readable.keySet(), ranked, listener);
        long t2 = System.nanoTime();
        List<DuplicatePolicy.CandidateVerdict> verdicts = candidates.stream()
                .map(Identification.Candidate::assessment).toList();
        return new Identification(policy.recordVerdict(probe.exceptions(), verdicts),
                policy.tooManyExceptions(probe.exceptions()), candidates, ranked.size(), t1 - t0, t2 - t1);
    }

    /**
     * The short list the index alone gives for {@code probe}, before any verification: what a
     * check would verify, with each person's votes. For benchmarks and diagnostics (how far the
     * true person stands above everyone else); a decision needs {@link #identify}.
     */
    public List<Ranked> ranking(Probe probe) {
        return rank(readable(probe), probe.self());
    }

    private static Map<FingerPosition, Minutiae> readable(Probe probe) {
        Map<FingerPosition, Minutiae> readable = new EnumMap<>(FingerPosition.class);
        probe.prints().forEach((position, bytes) -> {
            try {
                readable.put(position, Minutiae.read(bytes));
            } catch (IllegalArgumentException unreadable) {
                // an unreadable probe template can match nothing; the policy counts prints, not bytes
            }
        });
        return readable;
    }

    /** A short-listed person: their place in the ranking (0 is the best) and their index votes. */
    public record Ranked(String personId, int rank, int votes) {
    }

    /** The {@code shortlist} most similar people by index votes, best first (ties by id). */
    List<Ranked> rank(Map<FingerPosition, Minutiae> probe, String self) {
        List<FingerPosition> positions = new ArrayList<>(probe.keySet());
        int[][] probeBuckets = pool.submit(() -> positions.parallelStream()
                .map(p -> PostingIndex.buckets(Triplets.probe(probe.get(p))))
                .toArray(int[][]::new)).join();
        lock.readLock().lock();
        try {
            int slots = people.slots();
            int[][] perFinger = pool.submit(() -> IntStream.range(0, positions.size()).parallel()
                    .mapToObj(i -> bestPerPerson(positions.get(i), probeBuckets[i], slots))
                    .toArray(int[][]::new)).join();
            int[] total = new int[slots];
            for (int[] best : perFinger) {
                for (int s = 0; s < slots; s++) {
                    total[s] += best[s];
                }
            }
            return top(total, self == null ? -1 : people.slot(self));
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
        index.vote(buckets, bits, votes, new PostingCodec.Reader());
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
            if (total[s] == 0 || s == exclude || !people.alive(s)) {
                continue;
            }
            if (heap.size() < shortlist || total[s] >= heap.peek().votes()) {
                heap.add(new Ranked(people.id(s), 0, total[s]));
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
     * The index as bytes for an encrypted snapshot (the caller seals it): people sorted by id
     * and the compressed rows numbered in that order, so the same people give the same bytes
     * however and in whatever order they were added. Holds the whole snapshot: a station
     * writes {@link #capture()} to a sealed stream instead.
     */
    public byte[] snapshot() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            capture().writeTo(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A view of the index as it is now, to be written as a snapshot ({@link IndexCapture#writeTo})
     * without holding up checks or additions meanwhile. Folds the recent additions into the rows
     * first (under the exclusive lock), so the view is what a restore rebuilds.
     */
    public IndexCapture capture() {
        lock.writeLock().lock();
        try {
            index.merge(this::alive, universe(), pool);
            return new IndexCapture(index.pages(), people);
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
        try {
            restore(new java.io.ByteArrayInputStream(snapshot));
        } catch (java.io.IOException truncated) {
            throw new IllegalArgumentException("truncated identification index snapshot", truncated);
        }
    }

    /**
     * Replaces the whole index with a snapshot read from a stream (e.g. opened chunk by chunk from
     * its sealed file), read to its end; the index is unchanged unless the whole snapshot reads.
     * Needs the restored index's memory and one page, never the snapshot whole.
     *
     * @throws IllegalArgumentException the bytes are not a snapshot of this index version
     * @throws java.io.IOException      the stream failed or ended early
     */
    public void restore(java.io.InputStream snapshot) throws java.io.IOException {
        IndexSnapshot.Restored restored = IndexSnapshot.read(snapshot);
        lock.writeLock().lock();
        try {
            people = restored.people();
            index = restored.index();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
