package id.rekam.app.adapters.identification;

import id.rekam.app.adapters.MemorySettle;
import id.rekam.app.ports.FingerprintIdentification;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.FingerprintCapture;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.identification.DuplicatePolicy;
import id.rekam.core.store.IdentificationStore;
import id.rekam.identification.Identification;
import id.rekam.identification.IdentificationEngine;
import id.rekam.identification.IndexCapture;
import id.rekam.identification.Probe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The station's fingerprint index over its own store ({@link IdentificationEngine}, judged by
 * {@link DuplicatePolicy#DEFAULT}). Made when the store is unlocked, on a background thread: from
 * the store's sealed snapshot when it was written at the store's current commit count, else
 * rebuilt from every record's sealed templates (extracted from the packets first on a store from
 * before schema 10) — also when the snapshot cannot be read to its end, whatever the reason. Each commit adds its record once the transaction committed; a fresh sealed
 * snapshot is written after a rebuild and when the store is closed. Nothing of the index is ever
 * written in clear.
 */
public final class StationIndex implements FingerprintIdentification, AutoCloseable {

    /** Where the index came from at unlock. */
    enum Origin { SNAPSHOT, REBUILT }

    private static final Logger LOG = LoggerFactory.getLogger(StationIndex.class);
    /** Records read and opened per page while building: a few hundred KB of templates at a time. */
    private static final int PAGE = 256;
    /** How often a check waiting for the index reports its progress. */
    private static final long PROGRESS_MS = 150;

    private final IdentificationStore store;
    private final ForkJoinPool pool;
    private final IdentificationEngine engine;
    /** Commits hold it shared (commit + add), snapshots exclusively: a snapshot never misses a committed record. */
    private final ReentrantReadWriteLock commits = new ReentrantReadWriteLock();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread builder;
    private volatile int done;
    private volatile int total;
    private volatile Throwable failed;
    private volatile Origin origin;
    private volatile boolean dirty;
    private volatile boolean closed;

    private StationIndex(IdentificationStore store) {
        this.store = store;
        this.pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), StationIndex::worker, null, false);
        this.engine = new IdentificationEngine(DuplicatePolicy.DEFAULT, store::templates, pool,
                IdentificationEngine.DEFAULT_SHORTLIST);
        this.builder = new Thread(this::build, "rekam-index-build");
        builder.setDaemon(true);
    }

    /** Starts making the index in the background and returns at once. */
    public static StationIndex open(IdentificationStore store) {
        StationIndex index = new StationIndex(store);
        index.builder.start();
        return index;
    }

    private static ForkJoinWorkerThread worker(ForkJoinPool pool) {
        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        t.setName("rekam-index-" + t.getPoolIndex());
        t.setDaemon(true);
        return t;
    }

    private void build() {
        long t0 = System.nanoTime();
        try {
            if (!restored()) {
                store.extractMissing((d, t) -> progress(d, t));
                total = (int) store.commitCount();
                done = 0;
                engine.addAll(unlessClosed(store.all(PAGE)), n -> done = n);
                origin = Origin.REBUILT;
                writeSnapshot();
            }
            LOG.info("fingerprint index ready: {} people, {} ({} ms)", engine.size(),
                    origin == Origin.SNAPSHOT ? "from the sealed snapshot" : "rebuilt from the sealed templates",
                    (System.nanoTime() - t0) / 1_000_000);
            MemorySettle.afterBulkWork();
        } catch (CancellationException e) {
            LOG.info("fingerprint index build stopped: the store is closing");
        } catch (RuntimeException | Error e) {
            failed = e;
            LOG.error("fingerprint index could not be built; duplicate checks will fail until the next unlock", e);
        } finally {
            ready.countDown();
        }
    }

    private void progress(int d, int t) {
        if (closed) {
            throw new CancellationException();
        }
        done = d;
        total = t;
    }

    /**
     * Restores the sealed snapshot if it was written at the store's current commit count. Any
     * failure to read it to its end (tampered, cut off, another index version, too large for the
     * heap) means a rebuild from the templates, never a station without duplicate checks: the
     * engine keeps its empty index until a snapshot has been read whole.
     */
    private boolean restored() {
        commits.writeLock().lock();
        try {
            long count = store.commitCount();
            Optional<IdentificationStore.Snapshot> opened = store.openSnapshot();
            if (opened.isEmpty()) {
                return false;
            }
            try (IdentificationStore.Snapshot snapshot = opened.get()) {
                if (snapshot.commitCount() != count) {
                    LOG.info("fingerprint index snapshot is stale ({} records, store has {}); rebuilding",
                            snapshot.commitCount(), count);
                    return false;
                }
                engine.restore(snapshot.index());
            } catch (IOException | RuntimeException | OutOfMemoryError unusable) {
                LOG.warn("fingerprint index snapshot could not be restored ({}); rebuilding from the sealed templates",
                        unusable.toString());
                return false;
            }
            origin = Origin.SNAPSHOT;
            done = (int) count;
            total = (int) count;
            return true;
        } finally {
            commits.writeLock().unlock();
        }
    }

    private <T> Iterator<T> unlessClosed(Iterator<T> it) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (closed) {
                    throw new CancellationException();
                }
                return it.hasNext();
            }

            @Override
            public T next() {
                return it.next();
            }
        };
    }

    /**
     * Seals the index with the commit count it is level with. Commits wait only while the view is
     * taken; the view is then streamed into sealed chunks while the desk goes on.
     */
    private void writeSnapshot() {
        IndexCapture capture;
        long count;
        commits.writeLock().lock();
        try {
            count = store.commitCount();
            capture = engine.capture();
            dirty = false;
        } finally {
            commits.writeLock().unlock();
        }
        if (!store.writeSnapshot(count, capture::writeTo)) {
            dirty = true;
        }
    }

    /**
     * Runs a commit and adds its record to the index once it committed. The index is updated
     * even while it is still being built (a later page of the build adds the same prints again).
     */
    public <T> T committing(RegistrationId id, Map<FingerPosition, byte[]> prints, Supplier<T> commit) {
        commits.readLock().lock();
        try {
            T result = commit.get();
            engine.add(id.value(), prints);
            dirty = true;
            return result;
        } finally {
            commits.readLock().unlock();
        }
    }

    /** The printed fingers of a record, as the index and the check take them. */
    public static Map<FingerPosition, byte[]> prints(EnrollmentRecord record) {
        Map<FingerPosition, byte[]> out = new EnumMap<>(FingerPosition.class);
        for (FingerprintCapture f : record.fingerprints()) {
            if (f.hasPrint()) {
                out.put(f.position(), f.template());
            }
        }
        return out;
    }

    @Override
    public IndexStatus status() {
        return new IndexStatus(ready.getCount() == 0, done, total);
    }

    @Override
    public Result identify(EnrollmentRecord record, Listener listener) throws InterruptedException {
        while (!ready.await(PROGRESS_MS, TimeUnit.MILLISECONDS)) {
            listener.indexProgress(done, total);
        }
        if (failed != null || origin == null) {
            // Never a silent "no duplicate": without the index the check cannot be made.
            throw new IllegalStateException("the fingerprint index is not available", failed);
        }
        Map<FingerPosition, byte[]> prints = prints(record);
        int exceptions = record.fingerprints().size() - prints.size();
        AtomicInteger shortlist = new AtomicInteger();
        Identification found = engine.identify(new Probe(prints, exceptions, record.id().value()),
                new IdentificationEngine.Listener() {
                    @Override
                    public void shortlisted(int people) {
                        shortlist.set(people);
                        listener.checking(0, people);
                    }

                    @Override
                    public void verified(int n) {
                        listener.checking(n, shortlist.get());
                    }

                    @Override
                    public void found(Identification.Candidate c) {
                        listener.candidate(candidate(c));
                    }
                });
        return new Result(found.verdict(), found.tooManyExceptions(),
                found.candidates().stream().map(StationIndex::candidate).toList());
    }

    private static Candidate candidate(Identification.Candidate c) {
        return new Candidate(new RegistrationId(c.personId()), c.verdict(), c.assessment().samePositionMatches(),
                c.assessment().matches());
    }

    /** Waits for the index (tests, and a close during the build). */
    boolean awaitReady(long timeout, TimeUnit unit) throws InterruptedException {
        return ready.await(timeout, unit);
    }

    Origin origin() {
        return origin;
    }

    /** The index's own bytes (what is sealed into the snapshot), for the tests of this package. */
    byte[] snapshotBytes() {
        return engine.snapshot();
    }

    int people() {
        return engine.size();
    }

    /**
     * Stops a build in progress and seals a fresh snapshot if records were committed since the
     * last one. Call before the store is closed.
     */
    @Override
    public void close() {
        closed = true;
        try {
            builder.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (ready.getCount() == 0 && failed == null && origin != null && dirty) {
                writeSnapshot();
            }
        } catch (RuntimeException e) {
            LOG.warn("fingerprint index snapshot not written at close: {}", e.toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
