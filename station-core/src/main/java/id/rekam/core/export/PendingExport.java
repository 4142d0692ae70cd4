package id.rekam.core.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.audit.AuditActions;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxEvent;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.outbox.SealedPacket;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.store.StationStore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes every packet that has no final verdict yet (and every pending event) into an
 * encrypted bundle on a directory the technician chose — a USB stick, before the station moves
 * to another office — then moves those packets to EXPORTED. The bundle holds the packets byte
 * for byte as the station signed them, each sealed with AES-256-GCM under a key derived from an
 * export passphrase: nothing on the stick is readable without it. The central server ingests
 * it with {@code central-server import-bundle}; see docs/design/packaging.md.
 *
 * <p>Records still waiting for a supervisor's approval are not exported (the server must never
 * receive unapproved records); the result counts them so the wizard can say so.
 */
public final class PendingExport {

    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    static final String PACKETS_DIR = "packets";
    static final String EVENTS_FILE = "events.bin";
    private static final int ALL = Integer.MAX_VALUE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Progress of a long export: {@code done} of {@code total} items written. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    /**
     * @param bundle     the bundle directory written, or null when there was nothing to export
     * @param unapproved records left behind because no supervisor approved them yet
     */
    public record Result(Path bundle, String bundleId, int packets, int events, long unapproved) {
    }

    private final StationStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PendingExport(StationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Packets an export would take now, and records it would leave for approval. */
    public record Pending(int packets, int events, long unapproved) {
    }

    public Pending pending() {
        return new Pending(exportable().size(), store.events().pending(ALL).size(),
                store.outbox().countByState().getOrDefault(OutboxState.CAPTURED, 0L));
    }

    private List<OutboxEntry> exportable() {
        List<OutboxEntry> out = new ArrayList<>();
        for (OutboxState s : OutboxState.values()) {
            if (s.isExportable()) {
                out.addAll(store.outbox().inState(s, ALL));
            }
        }
        out.sort(Comparator.comparing(OutboxEntry::createdAt).thenComparing(OutboxEntry::packetId));
        return out;
    }

    public Result export(Path targetDir, char[] passphrase, String technician, Progress progress)
            throws ExportException {
        if (passphrase == null || passphrase.length < BundleCrypto.MIN_PASSPHRASE) {
            throw new ExportException(ExportException.Problem.WEAK_PASSPHRASE,
                    "an export passphrase has at least " + BundleCrypto.MIN_PASSPHRASE + " characters");
        }
        // Packets recorded before the station knew its server's key get sealed now, if it knows it.
        store.sealQueue();
        List<OutboxEntry> packets = exportable();
        List<OutboxEvent> events = store.events().pending(ALL);
        long unapproved = store.outbox().countByState().getOrDefault(OutboxState.CAPTURED, 0L);
        if (packets.isEmpty() && events.isEmpty()) {
            return new Result(null, null, 0, 0, unapproved);
        }
        String bundleId = "rekam-export-" + store.stationId() + "-" + STAMP.format(clock.instant());
        Path finalDir = targetDir.resolve(bundleId);
        Path work = targetDir.resolve("." + bundleId + ".partial");
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        int iterations = store.kdfParams().passphraseIterations();
        BundleCrypto crypto = new BundleCrypto(passphrase, salt, iterations, bundleId);
        int total = packets.size() + (events.isEmpty() ? 0 : 1);
        try {
            if (Files.exists(finalDir)) {
                throw new IOException(finalDir + " already exists");
            }
            deleteTree(work);
            Files.createDirectories(work.resolve(PACKETS_DIR));
            List<ExportManifest.PacketItem> items = new ArrayList<>();
            int done = 0;
            progress.update(done, total);
            for (OutboxEntry e : packets) {
                SealedPacket env = sealed(e.packetId());
                String file = PACKETS_DIR + "/" + String.format("%06d.bin", items.size() + 1);
                // The packet is already sealed to the server; the bundle key is a second lock around it.
                byte[] sealed = crypto.seal(env.bytes(), BundleCrypto.packetSlot(env.packetId()));
                write(work.resolve(file), sealed);
                items.add(new ExportManifest.PacketItem(env.packetId(), env.kind(), PacketCodec.sha256Hex(env.bytes()),
                        env.bytes().length, env.signatureBase64(), file, PacketCodec.sha256Hex(sealed),
                        env.contentSha256()));
                progress.update(++done, total);
            }
            ExportManifest.EventsItem eventsItem = null;
            if (!events.isEmpty()) {
                byte[] sealed = crypto.seal(eventsJson(events), BundleCrypto.EVENTS_SLOT);
                write(work.resolve(EVENTS_FILE), sealed);
                eventsItem = new ExportManifest.EventsItem(EVENTS_FILE, events.stream().map(OutboxEvent::id).toList(),
                        PacketCodec.sha256Hex(sealed));
                progress.update(++done, total);
            }
            ExportManifest manifest = new ExportManifest(ExportManifest.FORMAT, bundleId, store.stationId(),
                    clock.instant().toString(), new ExportManifest.Kdf(BundleCrypto.ALGORITHM, iterations,
                    Base64.getEncoder().encodeToString(salt)),
                    Base64.getEncoder().encodeToString(crypto.keyCheck()), items, eventsItem);
            byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
            write(work.resolve(MANIFEST), manifestBytes);
            write(work.resolve(SIGNATURE), Base64.getEncoder().encode(store.signExportManifest(manifestBytes)));
            move(work, finalDir);
        } catch (ExportException e) {
            deleteQuietly(work);
            throw e;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(work);
            throw new ExportException(ExportException.Problem.TARGET_NOT_WRITABLE,
                    "cannot write the bundle to " + targetDir + ": " + e.getMessage(), e);
        }
        // Only a bundle complete on the stick changes the outbox; a crash before this leaves the
        // packets where they were and the bundle importable (same ids, same hashes).
        int marked = store.outbox().markExported(packets.stream().map(OutboxEntry::packetId).toList(), bundleId,
                technician);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("packets", packets.size());
        details.put("markedExported", marked);
        details.put("events", events.size());
        details.put("eventIds", events.stream().map(OutboxEvent::id).toList());
        details.put("unapproved", unapproved);
        store.audit(technician, AuditActions.RECORDS_EXPORTED, bundleId, details);
        return new Result(finalDir, bundleId, packets.size(), events.size(), unapproved);
    }

    private SealedPacket sealed(String packetId) throws ExportException {
        try {
            return store.outbox().readSealed(packetId);
        } catch (id.rekam.core.store.StoreException e) {
            if ("store.notSealed".equals(e.messageKey())) {
                throw new ExportException(ExportException.Problem.NOT_SEALED, "packet " + packetId
                        + " is not sealed to the central server: register the station first");
            }
            throw e;
        }
    }

    /** The same objects the sync client posts to {@code /v1/events}, so a later push is a no-op. */
    static byte[] eventsJson(List<OutboxEvent> events) throws JsonProcessingException {
        ArrayNode arr = JSON.createArrayNode();
        for (OutboxEvent e : events) {
            ObjectNode o = arr.addObject();
            o.put("eventId", e.id());
            o.put("type", e.type());
            o.put("occurredAt", e.createdAt().toString());
            try {
                o.set("payload", JSON.readTree(e.jsonPayload()));
            } catch (JsonProcessingException ex) {
                o.put("payload", e.jsonPayload());
            }
        }
        return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(arr);
    }

    /** Written and forced to the device: a stick pulled right after "done" must hold the bundle. */
    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException ignored) {
            // the partial directory's name says what it is; the next export removes it
        }
    }
}
