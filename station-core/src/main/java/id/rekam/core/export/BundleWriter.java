package id.rekam.core.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.outbox.OutboxEvent;
import id.rekam.core.outbox.SealedPacket;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.store.StationStore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes one bundle directory: every packet sealed to the central server as it would be uploaded,
 * sealed again under a passphrase-derived key, the events and the tally likewise, then the signed manifest. Written
 * under a hidden {@code .partial} name and renamed when complete, each file forced to the device:
 * a stick pulled early holds a complete bundle or none.
 */
final class BundleWriter {

    static final String PACKETS_DIR = "packets";
    static final String EVENTS_FILE = "events.bin";
    static final String TALLY_FILE = "tally.bin";

    /** What goes in: packet ids in order, those not approved yet, events, an optional tally. */
    record Contents(List<String> packetIds, Set<String> unapproved, List<OutboxEvent> events, byte[] tallyJson,
                    List<String> previous) {
    }

    private final StationStore store;
    private final SecureRandom random = new SecureRandom();

    BundleWriter(StationStore store) {
        this.store = store;
    }

    static void requireStrong(char[] passphrase) throws ExportException {
        if (passphrase == null || passphrase.length < BundleCrypto.MIN_PASSPHRASE) {
            throw new ExportException(ExportException.Problem.WEAK_PASSPHRASE,
                    "a bundle passphrase has at least " + BundleCrypto.MIN_PASSPHRASE + " characters");
        }
    }

    ExportManifest write(Path targetDir, String bundleId, String purpose, Instant at, char[] passphrase,
                         Contents in, PendingExport.Progress progress) throws ExportException {
        // Packets recorded before the station knew its server's key get sealed now, if it knows it.
        store.sealQueue();
        Path finalDir = targetDir.resolve(bundleId);
        Path work = targetDir.resolve("." + bundleId + ".partial");
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        int iterations = store.kdfParams().passphraseIterations();
        BundleCrypto crypto = new BundleCrypto(passphrase, salt, iterations, bundleId);
        int total = in.packetIds().size() + (in.events().isEmpty() ? 0 : 1) + (in.tallyJson() == null ? 0 : 1);
        try {
            if (Files.exists(finalDir)) {
                throw new IOException(finalDir + " already exists");
            }
            deleteTree(work);
            Files.createDirectories(work.resolve(PACKETS_DIR));
            List<ExportManifest.PacketItem> items = new ArrayList<>();
            int done = 0;
            progress.update(done, total);
            for (String packetId : in.packetIds()) {
                SealedPacket env = sealed(packetId);
                String file = PACKETS_DIR + "/" + String.format("%06d.bin", items.size() + 1);
                // The packet is already sealed to the server; the bundle key is a second lock around it.
                byte[] sealed = crypto.seal(env.bytes(), BundleCrypto.packetSlot(env.packetId()));
                write(work.resolve(file), sealed);
                items.add(new ExportManifest.PacketItem(env.packetId(), env.kind(), PacketCodec.sha256Hex(env.bytes()),
                        env.bytes().length, env.signatureBase64(), file, PacketCodec.sha256Hex(sealed),
                        in.unapproved().contains(packetId) ? Boolean.FALSE : null, env.contentSha256()));
                progress.update(++done, total);
            }
            ExportManifest.EventsItem eventsItem = null;
            if (!in.events().isEmpty()) {
                byte[] sealed = crypto.seal(eventsJson(in.events()), BundleCrypto.EVENTS_SLOT);
                write(work.resolve(EVENTS_FILE), sealed);
                eventsItem = new ExportManifest.EventsItem(EVENTS_FILE, in.events().stream().map(OutboxEvent::id)
                        .toList(), PacketCodec.sha256Hex(sealed));
                progress.update(++done, total);
            }
            ExportManifest.TallyItem tallyItem = null;
            if (in.tallyJson() != null) {
                byte[] sealed = crypto.seal(in.tallyJson(), BundleCrypto.TALLY_SLOT);
                write(work.resolve(TALLY_FILE), sealed);
                tallyItem = new ExportManifest.TallyItem(TALLY_FILE, PacketCodec.sha256Hex(in.tallyJson()),
                        PacketCodec.sha256Hex(sealed));
                progress.update(++done, total);
            }
            ExportManifest manifest = new ExportManifest(ExportManifest.FORMAT, bundleId, store.stationId(),
                    at.toString(), new ExportManifest.Kdf(BundleCrypto.ALGORITHM, iterations,
                    Base64.getEncoder().encodeToString(salt)),
                    Base64.getEncoder().encodeToString(crypto.keyCheck()), items, eventsItem,
                    ExportManifest.EXPORT.equals(purpose) ? null : purpose,
                    in.previous().isEmpty() ? null : in.previous(), tallyItem);
            byte[] manifestBytes = PendingExport.JSON.writeValueAsBytes(manifest);
            write(work.resolve(PendingExport.MANIFEST), manifestBytes);
            write(work.resolve(PendingExport.SIGNATURE),
                    Base64.getEncoder().encode(store.signExportManifest(manifestBytes)));
            id.rekam.core.io.DurableFiles.syncDirectory(work);
            id.rekam.core.io.DurableFiles.moveIntoPlace(work, finalDir);
            return manifest;
        } catch (ExportException e) {
            deleteQuietly(work);
            throw e;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(work);
            throw new ExportException(ExportException.Problem.TARGET_NOT_WRITABLE,
                    "cannot write the bundle to " + targetDir + ": " + e.getMessage(), e);
        }
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
        ArrayNode arr = PendingExport.JSON.createArrayNode();
        for (OutboxEvent e : events) {
            ObjectNode o = arr.addObject();
            o.put("eventId", e.id());
            o.put("type", e.type());
            o.put("occurredAt", e.createdAt().toString());
            try {
                o.set("payload", PendingExport.JSON.readTree(e.jsonPayload()));
            } catch (JsonProcessingException ex) {
                o.put("payload", e.jsonPayload());
            }
        }
        return PendingExport.JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(arr);
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
            // the partial directory's name says what it is; the next write removes it
        }
    }
}
