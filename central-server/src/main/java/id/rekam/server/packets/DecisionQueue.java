package id.rekam.server.packets;

import id.rekam.core.packet.Packet;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The decision worker's queue, bounded twice: at most {@code capacity} packets wait in memory, and
 * at most {@code bodiesHeld} of them keep the body decoded at completion (a packet is megabytes;
 * the others are read back from disk when their turn comes). A submission never blocks the request
 * that completed the upload and is never lost: when the queue is full the packet only stays
 * {@code received} in the database, and once the queue runs empty it is refilled from there, in
 * acknowledgement order. A burst of uploads therefore costs disk reads, not memory.
 */
final class DecisionQueue {

    /** A packet to decide; {@code packet} is the decoded body, or null to read it back. */
    record Job(String packetId, Packet packet) {
    }

    private final ArrayBlockingQueue<Job> queue;
    private final int bodiesHeld;
    private final Supplier<List<String>> waitingInStore;
    private final AtomicInteger bodies = new AtomicInteger();
    private final AtomicBoolean overflowed = new AtomicBoolean();
    /** Submitted and not finished: in the queue, being decided, or waiting in the database after an overflow. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger highWater = new AtomicInteger();

    /**
     * @param waitingInStore the ids of every packet still {@code received}, oldest first (at most
     *                       {@code capacity} are queued from it at a time; the rest on later refills)
     */
    DecisionQueue(int capacity, int bodiesHeld, Supplier<List<String>> waitingInStore) {
        if (capacity < 1 || bodiesHeld < 0) {
            throw new IllegalArgumentException("capacity >= 1, bodiesHeld >= 0");
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.bodiesHeld = bodiesHeld;
        this.waitingInStore = waitingInStore;
    }

    /** Never blocks; a packet that does not fit waits in the database. */
    void submit(String packetId, Packet decoded) {
        pending.add(packetId);
        if (!queued.add(packetId)) {
            return;
        }
        Packet held = decoded != null && bodies.incrementAndGet() <= bodiesHeld ? decoded : null;
        if (decoded != null && held == null) {
            bodies.decrementAndGet();
        }
        if (queue.offer(new Job(packetId, held))) {
            highWater.accumulateAndGet(queue.size(), Math::max);
        } else {
            queued.remove(packetId);
            if (held != null) {
                bodies.decrementAndGet();
            }
            overflowed.set(true);
        }
    }

    /** The next job, refilling from the database after an overflow; null when there is none within the wait. */
    Job take(long timeout, TimeUnit unit) throws InterruptedException {
        Job job = queue.poll();
        if (job == null && overflowed.compareAndSet(true, false)) {
            // A window of at most `capacity`; when more wait behind it the flag stays up, so the
            // next empty poll takes the next window instead of leaving them to the next upload.
            for (String id : waitingInStore.get()) {
                if (queued.contains(id)) {
                    continue;
                }
                if (queue.remainingCapacity() == 0) {
                    overflowed.set(true);
                    break;
                }
                pending.add(id);
                if (queued.add(id) && !queue.offer(new Job(id, null))) {
                    queued.remove(id);
                    overflowed.set(true);
                    break;
                }
            }
            highWater.accumulateAndGet(queue.size(), Math::max);
            job = queue.poll();
        }
        if (job == null) {
            job = queue.poll(timeout, unit);
        }
        if (job != null) {
            queued.remove(job.packetId());
            if (job.packet() != null) {
                bodies.decrementAndGet();
            }
        }
        return job;
    }

    /** The packet is decided (or no longer needs deciding). */
    void done(String packetId) {
        pending.remove(packetId);
    }

    /** Every packet submitted so far is done. */
    boolean idle() {
        return pending.isEmpty() && queue.isEmpty() && !overflowed.get();
    }

    /** Most jobs ever waiting at once (never above the capacity). */
    int highWater() {
        return highWater.get();
    }

    int bodiesHeldNow() {
        return bodies.get();
    }
}
