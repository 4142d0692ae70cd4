package id.rekam.core.store;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import id.rekam.core.auth.Role;
import id.rekam.core.cards.BatchCard;
import id.rekam.core.cards.BatchDiscrepancyException;
import id.rekam.core.cards.BatchReceipt;
import id.rekam.core.cards.BlankLedger;
import id.rekam.core.cards.CardRegistry;
import id.rekam.core.cards.CardState;
import id.rekam.core.cards.DestructionCategory;
import id.rekam.core.cards.DestructionPlan;
import id.rekam.core.cards.DestructionRegister;
import id.rekam.core.cards.FingerprintVerifier;
import id.rekam.core.cards.HandOverRequest;
import id.rekam.core.cards.HandOverService;
import id.rekam.core.cards.HolderKind;
import id.rekam.core.cards.Official;
import id.rekam.core.cards.SecondFactor;
import id.rekam.core.cards.SupervisorOverride;
import id.rekam.core.cards.Witness;
import id.rekam.core.cases.CaseIntake;
import id.rekam.core.cases.CaseState;
import id.rekam.core.cases.CaseSummary;
import id.rekam.core.cases.Cases;
import id.rekam.core.cases.InvitationRequest;
import id.rekam.core.cases.OutcomeRequest;
import id.rekam.core.cases.VoidReason;
import id.rekam.core.commit.ApprovalMode;
import id.rekam.core.commit.CaptureCommit;
import id.rekam.core.commit.DuplicateOverride;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.Nik;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerprintCapture;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Acceptance: after 100 enrollments, a card lifecycle (batches, a flagged batch, assignment
 * to an officer, hand-overs by fingerprint and by supervisor exception with photo and signature,
 * a witnessed destruction), KTP ganda cases from every source (letters, outcomes) and the 1:N
 * check's sealed templates rows and index snapshot, no file the station wrote (database, WAL, SHM,
 * config, log, backups, index snapshot) contains any citizen's name, NIK digits, or the bytes of a
 * photo, template (its start or its minutiae), finger image or signature, nor the plain index, nor
 * the names of officers and witnesses, nor a family card number.
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
            // Provisioned: captures are sealed to the server too, and safety bundles carry those seals.
            TestStores.pinServer(store);
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
            cardLifecycle(store, demo, needles);
            // Mobile teams (issue 16): a safety bundle on a stick, and the search index loaded so
            // that its sealed snapshot is written when the store closes; both are scanned below.
            new id.rekam.core.export.SafetyBundles(store, java.time.Clock.systemUTC(),
                    () -> "{\"recorded\":100}".getBytes(StandardCharsets.UTF_8))
                    .write(dir.resolve("usb"), "frasa-bundel-tim-01".toCharArray(), "spv", (d, t) -> { });
            assertThat(store.search(demo.next().demographics().fullName().split(" ")[0], 5)).isNotNull();
            identificationIndex(store, needles);
            caseLifecycle(store, demo, needles);
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
                dir.resolve(IdentificationStore.SNAPSHOT_FILE),
                dir.resolve("logs/station.log"));
        assertThat(files).anyMatch(p -> p.startsWith(dir.resolve("backups")));
        assertThat(files).as("the safety bundle was written and is scanned")
                .anyMatch(p -> p.startsWith(dir.resolve("usb")) && p.toString().contains("packets"));
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

    /**
     * Everything issue 6 stores about people: batch witnesses, the officer holding cards, the
     * recipient's photo, signature and live finger, a supervisor's reason and the family card
     * number, the NIK of an unknown card brought in, the destruction officer (name, NIP) and witnesses.
     */
    private static void cardLifecycle(StationStore store, DemoRecords demo, List<byte[]> needles) throws Exception {
        store.operators().createAccount("spv", "op1", Role.OPERATOR, "operator-1!".toCharArray());
        byte[] enrolled = template("matching.png");
        byte[] probe = template("probe.png");
        EnrollmentRecord withPrint = withRightIndex(demo.next(), enrolled);
        store.saveEnrollment(withPrint);
        EnrollmentRecord second = demo.next();
        store.saveEnrollment(second);
        EnrollmentRecord third = demo.next();
        store.saveEnrollment(third);
        Nik lostCardOwner = demo.next().demographics().nik();
        for (EnrollmentRecord r : List.of(withPrint, second, third)) {
            needles.addAll(needlesOf(r));
        }
        needles.add(Arrays.copyOf(probe, 24));
        needles.add(lostCardOwner.value().getBytes(StandardCharsets.US_ASCII));

        byte[] photo = randomWithHeader(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 4_000, 61);
        byte[] signature = randomWithHeader(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 2_000, 62);
        byte[] photo2 = randomWithHeader(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 4_000, 63);
        needles.add(Arrays.copyOf(photo, 24));
        needles.add(Arrays.copyOf(signature, 24));
        needles.add(Arrays.copyOf(photo2, 24));
        String batchWitness = "Sri Mulyani Saksi Batch";
        String flagWitness = "Agus Salim Saksi Selisih";
        String officer = "Teguh Prakoso Petugas";
        String reason = "jari aus Pak Harjo petani";
        String familyCard = "3276010101010042";
        String spoilReason = "salah cetak atas nama Kurniawati Lestari";
        String camat = "Drs. Haryanto Camat";
        String nip = "197501012000031002";
        List<String> witnesses = List.of("Wahyu Satpol Saksi", "Dewi Inspektorat Saksi");
        for (String n : List.of(batchWitness, flagWitness, officer, reason, familyCard, spoilReason, camat, nip,
                witnesses.get(0), witnesses.get(1))) {
            needles.add(n.getBytes(StandardCharsets.UTF_8));
        }

        CardRegistry cards = new CardRegistry(store);
        cards.receiveBatch(new BatchReceipt("B-AR-1", 3, List.of(
                BatchCard.of("KTP-AR001", withPrint.demographics().nik().value()),
                BatchCard.of("KTP-AR002", second.demographics().nik().value()),
                BatchCard.of("KTP-AR003", third.demographics().nik().value())), "spv", batchWitness));
        assertThatThrownBy(() -> cards.receiveBatch(new BatchReceipt("B-AR-2", 5,
                List.of(BatchCard.of("KTP-AR009", null)), "spv", flagWitness)))
                .isInstanceOf(BatchDiscrepancyException.class);
        for (String serial : List.of("KTP-AR001", "KTP-AR002", "KTP-AR003")) {
            cards.assign(serial, HolderKind.OFFICER, officer, "spv");
        }
        HandOverService handOver = new HandOverService(store);
        handOver.handOver(new HandOverRequest("KTP-AR001", "op1", probe, photo, signature));
        handOver.handOverWithException(new HandOverRequest("KTP-AR002", "op1", template("nonmatching.png"), photo2,
                signature), new SupervisorOverride("spv", "rahasia-spv".toCharArray(), reason,
                SecondFactor.familyCard(familyCard)));
        BlankLedger ledger = new BlankLedger(store);
        ledger.receive(50, "SPB-2026/11/25", "spv");
        ledger.spoil(1, spoilReason, "op1");
        DestructionRegister destruction = new DestructionRegister(store);
        destruction.register("KTP-AR003", DestructionCategory.DAMAGED, null, "spv");
        destruction.register("KTP-OLD01", DestructionCategory.REPORTED_LOST, lostCardOwner, "spv");
        destruction.destroy(new DestructionPlan("BA-AR-1", java.time.LocalDate.of(2026, 11, 25), "Halaman Kantor",
                DestructionPlan.BURNING, "Kecamatan Uji", "Kota Uji", new Official(camat, "Camat", nip),
                List.of(new Witness(witnesses.get(0), "Anggota", "Satpol PP"),
                        new Witness(witnesses.get(1), "Auditor", "Inspektorat"))), "spv");
        // The names are really there to be found, only sealed.
        assertThat(cards.require("KTP-AR003").state()).isEqualTo(CardState.DESTROYED);
        assertThat(destruction.find("BA-AR-1").orElseThrow().officer().nip()).isEqualTo(nip);
        assertThat(cards.history("KTP-AR002")).anyMatch(m -> officer.equals(m.holder()));
    }

    /**
     * Issue 12: the 1:N check's data — every record's templates in their own sealed row (written
     * with each commit above) and the index snapshot the station seals beside the database. The
     * snapshot's plain bytes stand for triangle buckets of minutiae; none of them may show.
     */
    private static void identificationIndex(StationStore store, List<byte[]> needles) throws java.io.IOException {
        // sealed in chunks: more than one, so every chunk's bytes are looked for
        byte[] index = randomWithHeader("RKIX-PLAIN-INDEX".getBytes(StandardCharsets.US_ASCII),
                id.rekam.core.crypto.SealedChunkOutput.CHUNK + 64_000, 64);
        for (int at = 0; at + 32 <= index.length; at += 64_000) {
            needles.add(Arrays.copyOfRange(index, at, at + 32));
        }
        store.identification().writeSnapshot(index, store.identification().commitCount());
        try (var snapshot = store.identification().openSnapshot().orElseThrow()) {
            assertThat(snapshot.index().readAllBytes()).isEqualTo(index);
        }
        assertThat(store.identification().missing()).isZero();
    }

    /**
     * Everything issue 13 stores about people: a KTP ganda case from a supervisor's override (its
     * candidates), from a server verdict naming the other record's NIK in full, and one the server
     * assigned with the citizen's biodata, address, photo and templates; letters with their place and
     * address; an operator's note, a supervisor's exception reason and a refusal reason.
     */
    private static void caseLifecycle(StationStore store, DemoRecords demo, List<byte[]> needles) throws Exception {
        store.operators().createAccount("spv", "spv2", Role.SUPERVISOR, "rahasia-spv-2".toCharArray());
        byte[] enrolled = template("matching.png");
        byte[] probe = template("probe.png");
        Cases cases = new Cases(store);
        // Override: the same person recorded again, saved by a supervisor naming the earlier record.
        EnrollmentRecord earlier = withRightIndex(demo.next(), enrolled);
        store.saveEnrollment(earlier);
        EnrollmentRecord again = EnrollmentBuilder.from(withRightIndex(demo.next(), probe))
                .demographics(earlier.demographics()).build();
        String overrideReason = "pindah dari Kelurahan Sukamaju membawa SKPWNI";
        store.captures().commit(CaptureCommit.of(again, ApprovalMode.END_OF_DAY).withOverride(new DuplicateOverride("spv",
                overrideReason, List.of(new DuplicateOverride.Candidate(earlier.id(),
                        List.of(new ServerVerdict.FingerScore(FingerPosition.RIGHT_INDEX, 91.0, true)))))));
        needles.addAll(needlesOf(earlier));
        needles.addAll(needlesOf(again));
        String overrideCase = cases.takeLocalSources().get(0).caseId();
        // A server verdict naming another station's record in full.
        EnrollmentRecord ours = demo.next();
        store.saveEnrollment(ours);
        needles.addAll(needlesOf(ours));
        String otherNik = "3310016609880007";
        needles.add(otherNik.getBytes(StandardCharsets.US_ASCII));
        cases.intake().fromVerdict(ours.id().value(), "duplicate", new ServerVerdict.Duplicate(null,
                ServerVerdict.MatchedBy.NIK, new ServerVerdict.OtherRecord("9d1c0e52-0000-4000-8000-0000000000aa",
                "ST-331001-0001", "33.10.01", otherNik, false, null), List.of(), 40.0));
        // A case the server assigned: citizen, address, photo thumbnail, templates.
        // Its feed entry is signed, as served, with the server's signing key pinned in server_trust.
        byte[] seed = id.rekam.core.trust.Ed25519Raw.newSeed();
        id.rekam.core.trust.ServerTrust pinned = store.serverTrust().orElseThrow();
        store.pinServer(pinned.withKeys(new id.rekam.core.trust.ServerKeys(id.rekam.core.trust.Ed25519Raw.publicKey(seed),
                pinned.keys().packetKey()), pinned.pinnedAt()), "technician");
        String assignedName = "Suparmi Wiryo Assigned";
        String assignedNik = "3310015203790004";
        String assignedStreet = "Dusun Ngemplak Kidul";
        byte[] thumbnail = randomWithHeader(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 3_000, 64);
        byte[] remoteTemplate = template("nonmatching.png");
        for (String n : List.of(assignedName, assignedNik, assignedStreet)) {
            needles.add(n.getBytes(StandardCharsets.UTF_8));
        }
        needles.add(Arrays.copyOf(thumbnail, 24));
        needles.add(Arrays.copyOf(remoteTemplate, 24));
        com.fasterxml.jackson.databind.node.ObjectNode entry = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode().put("cursor", "9").put("type", "case-assigned").put("at", "2026-11-25T01:00:00Z")
                .put("caseId", "srv-9").put("reason", "duplicate");
        for (String id : List.of("9d1c0e52-0000-4000-8000-0000000000b1", "9d1c0e52-0000-4000-8000-0000000000b2")) {
            com.fasterxml.jackson.databind.node.ObjectNode r = entry.withArray("records").addObject()
                    .put("packetId", id).put("stationId", "ST-331001-0001").put("nik", assignedNik)
                    .put("photo", java.util.Base64.getEncoder().encodeToString(thumbnail));
            r.putObject("citizen").put("fullName", assignedName).putObject("address").put("street", assignedStreet)
                    .put("villageCode", "33.10.01.2001");
            r.putObject("templates").put("2", java.util.Base64.getEncoder().encodeToString(remoteTemplate));
        }
        entry = id.rekam.core.trust.SignedJson.sign(seed, id.rekam.core.trust.SignedJson.Purpose.FEED_ENTRY,
                store.stationId(), entry);
        assertThat(cases.feed().accept(entry).status()).isEqualTo(CaseIntake.Status.OPENED);
        // Letters, a note, an exception, a refusal, a confirmation.
        String place = "Pendopo Kecamatan Ruang Verifikasi Khusus";
        String note = "warga membawa KK asli dan surat pindah Bekasi";
        String exceptionReason = "jari telunjuk luka Bu Suparmi, cocok foto";
        String refusal = "minta fotokopi KK Pak Darmo dilampirkan";
        for (String n : List.of(place, note, exceptionReason, refusal, overrideReason)) {
            needles.add(n.getBytes(StandardCharsets.UTF_8));
        }
        java.time.Instant tomorrow = store.read(tx -> tx.clock().instant()).plus(java.time.Duration.ofDays(1));
        cases.invitations().inviteVillage(again.demographics().address().villageCode(),
                new InvitationRequest(tomorrow, place, "KEC-327601"), "op1");
        cases.decisions().prepare(overrideCase, OutcomeRequest.samePerson(again.id().value(), VoidReason.MOVED_AWAY,
                note, probe), "op1");
        cases.decisions().refuse(overrideCase, "spv", "rahasia-spv".toCharArray(), refusal);
        cases.decisions().prepare(overrideCase, OutcomeRequest.samePerson(again.id().value(), VoidReason.MOVED_AWAY,
                note, template("nonmatching.png")).withException(new OutcomeRequest.SupervisorException("spv2",
                "rahasia-spv-2".toCharArray(), exceptionReason)), "op1");
        assertThat(cases.decisions().confirm(overrideCase, "spv", "rahasia-spv".toCharArray()).state())
                .isEqualTo(CaseState.CLOSED);
        // Really there, only sealed.
        assertThat(cases.list(false)).extracting(CaseSummary::citizen).contains(assignedName);
        assertThat(cases.find(overrideCase).orElseThrow().invitations().get(0).place()).isEqualTo(place);
    }

    private static byte[] template(String sample) throws IOException {
        try (java.io.InputStream in = AtRestEncryptionTest.class.getResourceAsStream("/fingerprints/" + sample)) {
            return FingerprintVerifier.templateFromImage(in.readAllBytes(), 500);
        }
    }

    private static EnrollmentRecord withRightIndex(EnrollmentRecord r, byte[] template) {
        byte[] image = r.fingerprints().stream().filter(f -> f.position() == FingerPosition.RIGHT_INDEX)
                .findFirst().orElseThrow().image();
        return EnrollmentBuilder.from(r).print(FingerPosition.RIGHT_INDEX, template, image, "PNG", 80).build();
    }

    private static byte[] randomWithHeader(byte[] header, int length, long seed) {
        byte[] b = new byte[length];
        new java.util.Random(seed).nextBytes(b);
        System.arraycopy(header, 0, b, 0, header.length);
        return b;
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
                // and from the middle: a real template's minutiae, past SourceAFIS's common header
                n.add(Arrays.copyOfRange(f.template(), f.template().length / 2, f.template().length / 2 + 24));
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
