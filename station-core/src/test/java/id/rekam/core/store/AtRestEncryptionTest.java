package id.rekam.core.store;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import id.rekam.core.demo.DemoRecords;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerprintCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance: after 100 enrollments, no file the station wrote (database, WAL, SHM, config,
 * log, backups) contains any citizen's name, NIK digits, or the bytes of a photo, template,
 * finger image or signature.
 *
 * <p>Why not simply search for the 3-byte JPEG marker FF D8 FF: tens of megabytes of
 * ciphertext contain it by chance (about once per 16 MB). Each photo in DemoRecords starts
 * with FF D8 FF E0 followed by random bytes, so the test looks for the marker together with
 * the photo's next bytes: a plaintext JPEG anywhere would be found, a random hit would not.
 */
class AtRestEncryptionTest {

    private static final int WINDOW = 8;

    @TempDir
    Path dir;

    @Test
    void noPlaintextPersonalOrBiometricDataInAnyFileTheStationWrites() throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(ctx);
        file.setFile(dir.resolve("logs/station.log").toString());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("%d %-5level %logger %msg%n");
        encoder.start();
        file.setEncoder(encoder);
        file.start();
        ch.qos.logback.classic.Logger rekam = ctx.getLogger("id.rekam");
        Level before = rekam.getLevel();
        rekam.setLevel(Level.DEBUG);
        rekam.addAppender(file);

        List<byte[]> needles = new ArrayList<>();
        try (StationStore store = TestStores.create(dir, TestStores.fastOptions())) {
            store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
            DemoRecords demo = TestStores.demo(100);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                EnrollmentRecord r = demo.next();
                needles.addAll(needlesOf(r));
                ids.add(store.saveEnrollment(r).packetId());
                if (i % 10 == 0) {
                    store.saveDraft("draft-" + i, "{\"fullName\":\"" + r.demographics().fullName()
                            + "\",\"nik\":\"" + r.demographics().nik().value() + "\"}");
                }
            }
            store.outbox().approve(ids.subList(0, 50), "spv");
            store.outbox().enqueueAllApproved("sync");
            store.events().append("handover", "{\"recordId\":\"" + ids.get(0) + "\"}", "spv");
            store.backupNow();
            // Scan while open: the WAL and shared-memory files exist only now.
            assertThat(dir.resolve(StationStore.DB_FILE + "-wal")).exists();
            assertThat(dir.resolve(StationStore.DB_FILE + "-shm")).exists();
            assertNoNeedleIn(dir, needles);
        } finally {
            rekam.detachAppender(file);
            file.stop();
            rekam.setLevel(before);
        }
        StationStore.open(dir, TestStores.PASSPHRASE, TestStores.fastOptions()).close();

        List<Path> files = listFiles(dir);
        assertThat(files).contains(dir.resolve(StationStore.DB_FILE), dir.resolve(StationStore.CONFIG_FILE),
                dir.resolve("logs/station.log"));
        assertThat(files).anyMatch(p -> p.startsWith(dir.resolve("backups")));
        assertThat(Files.readString(dir.resolve("logs/station.log"))).contains("committed");
        assertNoNeedleIn(dir, needles);
    }

    @Test
    void theScannerFindsPlaintextWhenItIsThere() throws Exception {
        // Guards the guard: the same scan must catch a plaintext name, NIK and photo.
        EnrollmentRecord r = TestStores.demo(100).next();
        Files.write(dir.resolve("leak.bin"), concat(new byte[] {1, 2, 3},
                r.photo().jpeg(), r.demographics().fullName().getBytes(StandardCharsets.UTF_8)));
        List<String> hits = findNeedles(dir, needlesOf(r));
        assertThat(hits).hasSizeGreaterThanOrEqualTo(2);
        Files.writeString(dir.resolve("leak.bin"), "x" + r.demographics().nik().value());
        assertThat(findNeedles(dir, needlesOf(r))).hasSize(1);
    }

    static List<byte[]> needlesOf(EnrollmentRecord r) {
        List<byte[]> n = new ArrayList<>();
        n.add(r.demographics().fullName().getBytes(StandardCharsets.UTF_8));
        n.add(r.demographics().nik().value().getBytes(StandardCharsets.US_ASCII));
        n.add(Arrays.copyOf(r.photo().jpeg(), 24));
        n.add(Arrays.copyOf(r.signature().png(), 24));
        for (FingerprintCapture f : r.fingerprints()) {
            if (f.hasPrint()) {
                n.add(Arrays.copyOf(f.template(), 24));
                n.add(Arrays.copyOf(f.image(), 24));
            }
        }
        return n;
    }

    private static void assertNoNeedleIn(Path dir, List<byte[]> needles) throws IOException {
        assertThat(findNeedles(dir, needles)).isEmpty();
    }

    /** Rolling 8-byte window against a hash of every needle's first 8 bytes, then a full compare. */
    static List<String> findNeedles(Path dir, List<byte[]> needles) throws IOException {
        Map<Long, List<byte[]>> byHead = new HashMap<>();
        for (byte[] n : needles) {
            assertThat(n.length).isGreaterThanOrEqualTo(WINDOW);
            byHead.computeIfAbsent(head(n, 0), k -> new ArrayList<>()).add(n);
        }
        List<String> hits = new ArrayList<>();
        for (Path f : listFiles(dir)) {
            byte[] data = Files.readAllBytes(f);
            for (int i = 0; i + WINDOW <= data.length; i++) {
                List<byte[]> candidates = byHead.get(head(data, i));
                if (candidates == null) {
                    continue;
                }
                for (byte[] n : candidates) {
                    if (i + n.length <= data.length && Arrays.equals(data, i, i + n.length, n, 0, n.length)) {
                        hits.add(f + " @" + i);
                    }
                }
            }
        }
        return hits;
    }

    private static long head(byte[] b, int at) {
        return ByteBuffer.wrap(b, at, WINDOW).order(ByteOrder.BIG_ENDIAN).getLong();
    }

    static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
