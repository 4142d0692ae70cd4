package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditLog;
import id.rekam.core.crypto.Aead;
import id.rekam.core.crypto.SealedChunkInput;
import id.rekam.core.crypto.SealedChunkOutput;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.identification.KeysetPages;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.core.packet.PacketPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What the station's 1:N fingerprint check needs from the store, and nothing more: each
 * record's templates sealed on their own (written by {@link Captures#commit} in the capture's
 * transaction), the number of records committed (what an index snapshot is valid for) and the
 * index snapshot itself, sealed with the data key in a file beside the database.
 *
 * <p>The snapshot is a file, not a row: it is rebuilt from the templates when missing, so it
 * stays out of the rolling backups, and its size (≈170 bytes per finger) would bloat the
 * write-ahead log at every write. It is sealed and opened in chunks, so a restore never holds
 * it whole. See docs/design/store.md.
 */
public final class IdentificationStore {

    /** The sealed index snapshot, in the data directory. */
    public static final String SNAPSHOT_FILE = "identification-index.sealed";
    static final String SNAPSHOT_PURPOSE = "identification-index";
    /** "RKI2": sealed in chunks. "RKIX" files (sealed whole, before) are not read: the index is rebuilt. */
    private static final int SNAPSHOT_MAGIC = 0x524B4932;
    /** Records extracted per transaction when a pre-V11 store is migrated. */
    private static final int EXTRACT_BATCH = 200;

    private static final Logger LOG = LoggerFactory.getLogger(IdentificationStore.class);

    private final Database db;
    private final SqlOutbox outbox;
    private final TemplateSeal seal;
    private final Aead data;
    private final AuditLog audit;
    private final Path dataDir;
    private final String stationId;

    IdentificationStore(Database db, SqlOutbox outbox, TemplateSeal seal, Aead data, AuditLog audit, Path dataDir,
                        String stationId) {
        this.db = db;
        this.outbox = outbox;
        this.seal = seal;
        this.data = data;
        this.audit = audit;
        this.dataDir = dataDir;
        this.stationId = stationId;
    }

    /**
     * A record's templates by position, from their own sealed row (a few KB); from the record's
     * packet while its row has not been extracted yet (a store from before schema 10). Empty for
     * an unknown record. Thread-safe.
     */
    public Map<FingerPosition, byte[]> templates(String recordId) {
        byte[] sealed = db.read(c -> {
            PreparedStatement p = db.cached("SELECT sealed FROM fingerprint_templates WHERE record_id = ?");
            p.setString(1, recordId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        });
        if (sealed != null) {
            return seal.open(recordId, sealed);
        }
        String packet = db.read(c -> {
            PreparedStatement p = db.cached("SELECT id FROM packets WHERE record_id = ?");
            p.setString(1, recordId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        return packet == null ? Map.of() : fromPacket(packet);
    }

    /** Records committed so far (records are never deleted): what a snapshot of the index is valid for. */
    public long commitCount() {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM records")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Every record's templates, in record id order, read and opened {@code page} records at a
     * time, so a whole kecamatan's templates never sit in memory at once. Records committed
     * while the iteration runs may or may not be included.
     */
    public Iterator<Map.Entry<String, Map<FingerPosition, byte[]>>> all(int page) {
        return new KeysetPages<Map.Entry<String, byte[]>, Map.Entry<String, Map<FingerPosition, byte[]>>>(
                this::page, Map.Entry::getKey,
                row -> new AbstractMap.SimpleImmutableEntry<>(row.getKey(), seal.open(row.getKey(), row.getValue())),
                page);
    }

    private List<Map.Entry<String, byte[]>> page(String after, int limit) {
        return db.read(c -> {
            List<Map.Entry<String, byte[]>> out = new ArrayList<>(limit);
            PreparedStatement p = db.cached(
                    "SELECT record_id, sealed FROM fingerprint_templates WHERE record_id > ? ORDER BY record_id LIMIT ?");
            p.setString(1, after);
            p.setInt(2, limit);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new AbstractMap.SimpleImmutableEntry<>(rs.getString(1), rs.getBytes(2)));
                }
            }
            return out;
        });
    }

    /** Records without their own sealed templates row: committed before schema 10. */
    public long missing() {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM records r "
                    + "WHERE NOT EXISTS (SELECT 1 FROM fingerprint_templates t WHERE t.record_id = r.id)")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Gives every record committed before schema 10 its own sealed templates row, read once from
     * its packet (the whole body is decrypted this one time), {@value #EXTRACT_BATCH} records per
     * transaction, audited once. Safe to interrupt and run again: it continues where it stopped.
     *
     * @param progress called with (records done, records to do) after each batch
     * @return how many records it extracted
     */
    public int extractMissing(BiConsumer<Integer, Integer> progress) {
        List<String[]> todo = db.read(c -> {
            List<String[]> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT r.id, p.id FROM records r "
                    + "JOIN packets p ON p.record_id = r.id WHERE NOT EXISTS "
                    + "(SELECT 1 FROM fingerprint_templates t WHERE t.record_id = r.id) ORDER BY r.rowid")) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            return out;
        });
        int done = 0;
        for (int from = 0; from < todo.size(); from += EXTRACT_BATCH) {
            List<String[]> batch = todo.subList(from, Math.min(todo.size(), from + EXTRACT_BATCH));
            List<byte[]> sealed = new ArrayList<>(batch.size());
            for (String[] r : batch) {
                sealed.add(seal.seal(r[0], fromPacket(r[1])));
            }
            db.inTransaction(c -> {
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT OR IGNORE INTO fingerprint_templates (record_id, sealed) VALUES (?, ?)")) {
                    for (int i = 0; i < batch.size(); i++) {
                        p.setString(1, batch.get(i)[0]);
                        p.setBytes(2, sealed.get(i));
                        p.executeUpdate();
                    }
                }
                return null;
            });
            done += batch.size();
            progress.accept(done, todo.size());
        }
        if (done > 0) {
            db.inTransaction(c -> audit.append(c, "-", AuditActions.TEMPLATES_EXTRACTED, stationId,
                    Map.of("records", todo.size())));
            LOG.info("sealed the templates of {} records committed before schema 10 in rows of their own", done);
        }
        return done;
    }

    private Map<FingerPosition, byte[]> fromPacket(String packetId) {
        return byPosition(outbox.templates(packetId));
    }

    static Map<FingerPosition, byte[]> byPosition(List<PacketPart> parts) {
        Map<FingerPosition, byte[]> out = new EnumMap<>(FingerPosition.class);
        for (PacketPart part : parts) {
            for (FingerPosition f : FingerPosition.values()) {
                if (EnrollmentPackets.templatePart(f).equals(part.name())) {
                    out.put(f, part.bytes());
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- snapshot

    /** Writes the index's plain bytes; they go straight into sealed chunks. */
    @FunctionalInterface
    public interface SnapshotContent {
        void writeTo(OutputStream plain) throws IOException;
    }

    /**
     * The last snapshot written, being opened chunk by chunk: valid for the store when the commit
     * counts agree. Reading it may fail with an {@link IOException} at any chunk (tampered, cut
     * off, another station's); only a read to the end shows that it was whole.
     */
    public static final class Snapshot implements AutoCloseable {
        private final long commitCount;
        private final InputStream index;

        Snapshot(long commitCount, InputStream index) {
            this.commitCount = commitCount;
            this.index = index;
        }

        public long commitCount() {
            return commitCount;
        }

        /** The index's plain bytes, opened as they are read. */
        public InputStream index() {
            return index;
        }

        @Override
        public void close() throws IOException {
            index.close();
        }
    }

    /**
     * Seals an index snapshot with the data key, in chunks as {@code content} writes it (AAD per
     * chunk: station id, purpose, commit count, chunk index and whether it is the last, so a
     * snapshot cannot be passed off as another station's or another count's, nor be reordered or
     * cut short), and replaces the previous one atomically. Nothing of it reaches the disk in
     * clear, and neither the plain nor the sealed snapshot is ever whole in memory.
     *
     * @return whether it was written (a failure costs a rebuild at the next unlock, nothing else)
     */
    public boolean writeSnapshot(long commitCount, SnapshotContent content) {
        Path file = dataDir.resolve(SNAPSHOT_FILE);
        ByteBuffer header = ByteBuffer.allocate(12).putInt(SNAPSHOT_MAGIC).putLong(commitCount);
        try {
            id.rekam.core.io.DurableFiles.write(file, out -> {
                OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
                buffered.write(header.array());
                try (SealedChunkOutput sealed = new SealedChunkOutput(buffered, data,
                        (chunk, last) -> aad(commitCount, chunk, last))) {
                    content.writeTo(sealed);
                }
                buffered.flush();
            });
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("identification index snapshot not written: {}", e.toString());
            return false;
        }
    }

    /** {@link #writeSnapshot(long, SnapshotContent)} of bytes already in memory. */
    public boolean writeSnapshot(byte[] index, long commitCount) {
        return writeSnapshot(commitCount, out -> out.write(index));
    }

    /**
     * Opens the last snapshot written; empty when there is none or it is not of this format (one
     * written whole by an older version: the caller rebuilds the index from the templates).
     * Close it after reading.
     */
    public Optional<Snapshot> openSnapshot() {
        Path file = dataDir.resolve(SNAPSHOT_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        InputStream raw = null;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            DataInputStream in = new DataInputStream(raw);
            if (in.readInt() != SNAPSHOT_MAGIC) {
                raw.close();
                LOG.info("identification index snapshot of an older format; the index is rebuilt");
                return Optional.empty();
            }
            long count = in.readLong();
            return Optional.of(new Snapshot(count, new SealedChunkInput(raw, data, (chunk, last) -> aad(count, chunk, last))));
        } catch (IOException e) {
            closeQuietly(raw);
            LOG.warn("identification index snapshot unusable ({}); the index is rebuilt", e.toString());
            return Optional.empty();
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing was read from it
            }
        }
    }

    /** Deletes the snapshot (e.g. when it no longer matches the store). */
    public void deleteSnapshot() {
        try {
            Files.deleteIfExists(dataDir.resolve(SNAPSHOT_FILE));
        } catch (IOException e) {
            LOG.warn("identification index snapshot not deleted: {}", e.toString());
        }
    }

    private byte[] aad(long commitCount, long chunk, boolean last) {
        return Aead.aad(stationId, SNAPSHOT_PURPOSE + ":" + commitCount + ":" + chunk + (last ? ":last" : ""));
    }
}
