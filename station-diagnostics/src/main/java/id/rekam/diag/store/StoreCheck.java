package id.rekam.diag.store;

import id.rekam.core.audit.AuditVerification;
import id.rekam.core.diag.DiagnosticLimits;
import id.rekam.core.diag.Status;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreException;
import id.rekam.core.store.StoreInspection;
import id.rekam.diag.Check;
import id.rekam.diag.Probe;
import id.rekam.diag.Step;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The store: SQLite's integrity check (and the audit chain when the store is unlocked), its size,
 * free disk, the age of the newest backup and what still waits for the central server. Reads the
 * database read-only and no sealed column ({@link StoreInspection}), so it runs beside the station
 * and without the passphrase.
 */
public final class StoreCheck implements Check {

    private final Path dataDir;
    private final Supplier<Optional<StationStore>> unlocked;
    private final Clock clock;

    public StoreCheck(Path dataDir, Supplier<Optional<StationStore>> unlocked, Clock clock) {
        this.dataDir = dataDir;
        this.unlocked = unlocked;
        this.clock = clock;
    }

    @Override
    public String area() {
        return "store";
    }

    @Override
    public Duration budget() {
        return Duration.ofSeconds(25);
    }

    @Override
    public void run(Probe probe) throws IOException {
        Step integrity = probe.step("integrity");
        if (!StoreInspection.exists(dataDir)) {
            integrity.warn("store.integrity.none", "store.integrity.none.next", dataDir);
            disk(probe, 0);
            return;
        }
        StoreInspection.Facts facts;
        try {
            facts = StoreInspection.inspect(dataDir);
        } catch (StoreException e) {
            integrity.fail("store.integrity.unreadable", "store.integrity.bad.next", e.getMessage());
            disk(probe, 0);
            return;
        }
        if ("ok".equals(facts.integrity())) {
            integrity.ok("store.integrity.ok");
        } else {
            integrity.fact("sqlite", facts.integrity()).fail("store.integrity.bad", "store.integrity.bad.next",
                    facts.integrity());
        }
        unlocked.get().ifPresent(store -> audit(probe, store.verifyAuditChain()));
        long bytes = facts.databaseBytes();
        probe.step("size").fact("databaseBytes", bytes).fact("backupBytes", facts.backupBytes())
                .fact("backups", facts.backups())
                .ok("store.size.ok", mib(bytes), facts.backups(), mib(facts.backupBytes()));
        disk(probe, bytes + facts.backupBytes() / Math.max(1, facts.backups()));
        backup(probe, facts.lastBackup());
        pending(probe, facts);
    }

    private void audit(Probe probe, AuditVerification v) {
        Step s = probe.step("audit").fact("entries", v.entriesChecked());
        if (v.ok()) {
            s.ok("store.audit.ok", v.entriesChecked());
        } else {
            s.fact("firstBadSeq", v.firstBadSeq().getAsLong())
                    .fail("store.audit.broken", "store.audit.broken.next", v.firstBadSeq().getAsLong());
        }
    }

    private void disk(Probe probe, long storeBytes) throws IOException {
        Path existing = dataDir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        Step s = probe.step("disk");
        if (existing == null) {
            s.fail("store.disk.nowhere", "store.disk.nowhere.next", dataDir);
            return;
        }
        FileStore fs = Files.getFileStore(existing);
        long free = fs.getUsableSpace();
        s.fact("freeBytes", free).fact("totalBytes", fs.getTotalSpace());
        Status status = DiagnosticLimits.freeDisk(free, storeBytes);
        switch (status) {
            case OK -> s.ok("store.disk.ok", mib(free));
            case WARNING -> s.warn("store.disk.low", "store.disk.low.next", mib(free));
            default -> s.fail("store.disk.full", "store.disk.full.next", mib(free));
        }
    }

    private void backup(Probe probe, Optional<Instant> last) {
        Step s = probe.step("backup");
        if (last.isEmpty()) {
            s.warn("store.backup.none", "store.backup.none.next");
            return;
        }
        Duration age = Duration.between(last.get(), clock.instant());
        long hours = Math.max(0, age.toHours());
        s.fact("lastBackup", last.get()).fact("ageHours", hours);
        switch (DiagnosticLimits.backupAge(age)) {
            case OK -> s.ok("store.backup.ok", hours);
            case WARNING -> s.warn("store.backup.old", "store.backup.old.next", hours / 24);
            default -> s.fail("store.backup.stale", "store.backup.old.next", hours / 24);
        }
    }

    private void pending(Probe probe, StoreInspection.Facts f) {
        Step s = probe.step("pending");
        long packets = f.pendingPackets();
        long attention = f.outbox().getOrDefault("NEEDS_ATTENTION", 0L) + f.eventsAttention();
        long approval = f.outbox().getOrDefault("CAPTURED", 0L);
        f.outbox().forEach((state, n) -> s.fact("outbox." + state, n));
        s.fact("eventsPending", f.eventsPending()).fact("eventsAttention", f.eventsAttention());
        f.oldestPending().ifPresent(t -> s.fact("oldestPending", t));
        Duration oldest = f.oldestPending().map(t -> Duration.between(t, clock.instant())).orElse(Duration.ZERO);
        if (attention > 0) {
            s.warn("store.pending.attention", "store.pending.attention.next", packets, f.eventsPending(), attention);
        } else if (packets > 0 && oldest.compareTo(DiagnosticLimits.PENDING_WARNS) > 0) {
            s.warn("store.pending.stuck", "store.pending.stuck.next", packets, oldest.toDays());
        } else {
            s.ok("store.pending.ok", packets, approval, f.eventsPending());
        }
    }

    static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
