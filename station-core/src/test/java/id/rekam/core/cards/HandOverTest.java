package id.rekam.core.cards;

import id.rekam.core.audit.AuditEntry;
import id.rekam.core.auth.Role;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.identification.DuplicatePolicy;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.outbox.Outbox;
import id.rekam.core.outbox.OutboxEvent;
import id.rekam.core.store.StationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandOverTest {

    private static final byte[] PHOTO = "\u00ff\u00d8recipient-photo-jpeg\u00ff\u00d9".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] SIGNATURE = "recipient-signature-png".getBytes(StandardCharsets.US_ASCII);
    private static final String KK = "3276011203150004";

    @TempDir
    Path dir;
    private CardFixtures f;
    private StationStore store;
    private CardRegistry cards;
    private HandOverService handOver;
    private EnrollmentRecord owner;

    @BeforeEach
    void open() {
        f = new CardFixtures(dir);
        store = f.store;
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        store.operators().createAccount("spv", "op1", Role.OPERATOR, "operator-1!".toCharArray());
        store.operators().createAccount("spv", "op2", Role.OPERATOR, "operator-2!".toCharArray());
        cards = new CardRegistry(store);
        handOver = new HandOverService(store);
        owner = f.enrollWith(CardFixtures.Prints.MATCHING);
        cards.receiveBatch(new BatchReceipt("B-1", 1,
                List.of(BatchCard.of("KTP-K0001", owner.demographics().nik().value())), "op1", "spv"));
        cards.assign("KTP-K0001", HolderKind.DESK, "loket-1", "spv");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private HandOverRequest request(byte[] probe) {
        return new HandOverRequest(CardQr.encode("KTP-K0001"), "op1", probe, PHOTO, SIGNATURE);
    }

    @Test
    void realPrintsScoreAboveAndBelowTheThreshold() {
        FingerprintVerifier v = new FingerprintVerifier();
        FingerprintVerifier.Result same = v.verify(CardFixtures.Prints.PROBE,
                java.util.Map.of(FingerPosition.RIGHT_INDEX, CardFixtures.Prints.MATCHING));
        FingerprintVerifier.Result other = v.verify(CardFixtures.Prints.PROBE,
                java.util.Map.of(FingerPosition.RIGHT_INDEX, CardFixtures.Prints.NONMATCHING));
        assertThat(same.matched()).isTrue();
        assertThat(same.score()).isGreaterThan(DuplicatePolicy.DEFAULT.scoreThreshold());
        assertThat(other.matched()).isFalse();
        assertThat(other.score()).isLessThan(DuplicatePolicy.DEFAULT.scoreThreshold());
    }

    @Test
    void lookupByNikOrQrOrSerial() {
        assertThat(handOver.lookup(owner.demographics().nik().value())).extracting(Card::serial).containsExactly("KTP-K0001");
        assertThat(handOver.lookup("rekam-card:KTP-K0001")).extracting(Card::serial).containsExactly("KTP-K0001");
        assertThat(handOver.lookup(" ktp-k0001 ")).extracting(Card::serial).containsExactly("KTP-K0001");
        assertThatThrownBy(() -> handOver.lookup("KTP-X9999")).isInstanceOfSatisfying(CardException.class,
                e -> assertThat(e.messageKey()).isEqualTo("card.unknown"));
    }

    @Test
    void matchingFingerHandsTheCardOverWithEncryptedPhotoAndSignatureAndASyncEvent() throws Exception {
        HandOver h = handOver.handOver(request(CardFixtures.Prints.PROBE));

        assertThat(h.method()).isEqualTo(HandOver.Method.FINGERPRINT);
        assertThat(h.score()).isGreaterThanOrEqualTo(DuplicatePolicy.DEFAULT.scoreThreshold());
        assertThat(h.finger()).isEqualTo(FingerPosition.RIGHT_INDEX);
        assertThat(h.recordId()).isEqualTo(owner.id().value());
        assertThat(cards.require("KTP-K0001").state()).isEqualTo(CardState.HANDED_OVER);
        assertThat(handOver.recipientPhoto(h.id())).isEqualTo(PHOTO);
        assertThat(handOver.recipientSignature(h.id())).isEqualTo(SIGNATURE);
        assertThat(store.events().pending(100)).filteredOn(e -> e.type().equals(HandOverService.EVENT_HANDED_OVER))
                .singleElement().satisfies(e -> {
                    assertThat(e.id()).isEqualTo(h.eventId());
                    assertThat(e.jsonPayload()).contains("KTP-K0001", "FINGERPRINT", owner.id().value())
                            .doesNotContain(owner.demographics().nik().value());
                });
        assertThat(store.auditTrail(1, 10_000)).filteredOn(e -> e.action().equals(HandOverService.AUDIT_HANDED_OVER))
                .singleElement().satisfies(e -> assertThat(e.subject()).isEqualTo("KTP-K0001"));
        // A card handed over once cannot be handed over again.
        assertThatThrownBy(() -> handOver.handOver(request(CardFixtures.Prints.PROBE)))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.messageKey()).isEqualTo("card.wrongState"));

        store.close();
        String raw = new String(Files.readAllBytes(dir.resolve(StationStore.DB_FILE)), StandardCharsets.ISO_8859_1)
                + (Files.exists(dir.resolve(StationStore.DB_FILE + "-wal"))
                ? new String(Files.readAllBytes(dir.resolve(StationStore.DB_FILE + "-wal")), StandardCharsets.ISO_8859_1) : "");
        assertThat(raw).doesNotContain("recipient-photo-jpeg").doesNotContain("recipient-signature-png");
        store = StationStore.open(dir, id.rekam.core.store.TestStores.PASSPHRASE,
                id.rekam.core.store.TestStores.fastOptions(f.clock));
    }

    @Test
    void nonMatchingFingerIsRefusedAndTheCardStaysAssigned() {
        List<Long> before = f.footprint();
        assertThatThrownBy(() -> handOver.handOver(request(CardFixtures.Prints.NONMATCHING)))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("handover.noMatch");
                    assertThat(e.getMessage()).contains("tidak cocok", "supervisor");
                    assertThat(e.localizedMessage(Locale.ENGLISH)).contains("does not match", "threshold 60");
                });
        assertThat(cards.require("KTP-K0001").state()).isEqualTo(CardState.ASSIGNED);
        assertThat(handOver.find("KTP-K0001")).isEmpty();
        List<Long> after = f.footprint();
        assertThat(after.subList(0, 9)).isEqualTo(before.subList(0, 9)); // no card, move, hand-over or event row
        assertThat(store.auditTrail(1, 10_000)).filteredOn(e -> e.action().equals(HandOverService.AUDIT_REFUSED))
                .singleElement().satisfies(e -> assertThat(e.details()).contains("\"matched\":false"));
    }

    @Test
    void supervisorExceptionWithFamilyCardHandsOverAfterANoMatch() {
        assertThat(handOver.verify("KTP-K0001", CardFixtures.Prints.NONMATCHING, "op1").matched()).isFalse();

        HandOver h = handOver.handOverWithException(request(CardFixtures.Prints.NONMATCHING),
                new SupervisorOverride("spv", "rahasia-spv".toCharArray(), "jari aus (petani)", SecondFactor.familyCard(KK)));

        assertThat(h.method()).isEqualTo(HandOver.Method.SUPERVISOR_EXCEPTION);
        assertThat(h.supervisor()).isEqualTo("spv");
        assertThat(h.secondFactor()).isEqualTo(SecondFactor.Kind.FAMILY_CARD);
        assertThat(h.score()).isLessThan(DuplicatePolicy.DEFAULT.scoreThreshold());
        assertThat(cards.require("KTP-K0001").state()).isEqualTo(CardState.HANDED_OVER);
        assertThat(handOver.find("KTP-K0001")).hasValueSatisfying(x -> assertThat(x.supervisor()).isEqualTo("spv"));
        AuditEntry entry = store.auditTrail(1, 10_000).stream()
                .filter(e -> e.action().equals(HandOverService.AUDIT_HANDED_OVER)).findFirst().orElseThrow();
        assertThat(entry.actor()).isEqualTo("op1");
        assertThat(entry.details()).contains("SUPERVISOR_EXCEPTION", "\"supervisor\":\"spv\"", "FAMILY_CARD")
                .doesNotContain(KK);
        assertThat(store.events().pending(100)).filteredOn(e -> e.type().equals(HandOverService.EVENT_HANDED_OVER))
                .extracting(OutboxEvent::jsonPayload).singleElement().asString()
                .contains("SUPERVISOR_EXCEPTION").doesNotContain(KK);
    }

    @Test
    void supervisorExceptionByPhotoComparison() {
        HandOver h = handOver.handOverWithException(request(CardFixtures.Prints.NONMATCHING),
                new SupervisorOverride("spv", "rahasia-spv".toCharArray(), "jari luka",
                        SecondFactor.photoComparison("wajah sama dengan foto perekaman")));
        assertThat(h.secondFactor()).isEqualTo(SecondFactor.Kind.PHOTO_COMPARISON);
        assertThat(cards.require("KTP-K0001").state()).isEqualTo(CardState.HANDED_OVER);
    }

    @Test
    void operatorAloneCannotOverrideAFailedMatch() {
        List<Long> before = f.footprint();
        SecondFactor kk = SecondFactor.familyCard(KK);
        // The operator names himself as "supervisor".
        assertThatThrownBy(() -> handOver.handOverWithException(request(CardFixtures.Prints.NONMATCHING),
                new SupervisorOverride("op1", "operator-1!".toCharArray(), "jari aus", kk)))
                .isInstanceOfSatisfying(CardException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("handover.supervisorIsOperator"));
        // Another operator is not a supervisor either.
        assertThatThrownBy(() -> handOver.handOverWithException(request(CardFixtures.Prints.NONMATCHING),
                new SupervisorOverride("op2", "operator-2!".toCharArray(), "jari aus", kk)))
                .isInstanceOfSatisfying(CardException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("handover.supervisorRequired"));
        // The supervisor's name without the supervisor's password.
        assertThatThrownBy(() -> handOver.handOverWithException(request(CardFixtures.Prints.NONMATCHING),
                new SupervisorOverride("spv", "tebakan-salah".toCharArray(), "jari aus", kk)))
                .isInstanceOfSatisfying(CardException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("handover.supervisorAuthFailed"));
        // No reason, or a malformed KK number.
        assertThatThrownBy(() -> handOver.handOverWithException(request(CardFixtures.Prints.NONMATCHING),
                new SupervisorOverride("spv", "rahasia-spv".toCharArray(), " ", kk)))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.messageKey()).isEqualTo("input.required"));
        assertThatThrownBy(() -> handOver.handOverWithException(request(CardFixtures.Prints.NONMATCHING),
                new SupervisorOverride("spv", "rahasia-spv".toCharArray(), "jari aus", SecondFactor.familyCard("3276"))))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.messageKey()).isEqualTo("handover.kkInvalid"));

        assertThat(cards.require("KTP-K0001").state()).isEqualTo(CardState.ASSIGNED);
        assertThat(handOver.find("KTP-K0001")).isEmpty();
        List<Long> after = f.footprint();
        assertThat(after.subList(0, 9)).isEqualTo(before.subList(0, 9));
    }

    @Test
    void photoAndSignatureAreRequired() {
        assertThatThrownBy(() -> handOver.handOver(new HandOverRequest("KTP-K0001", "op1", CardFixtures.Prints.PROBE,
                new byte[0], SIGNATURE))).isInstanceOfSatisfying(CardException.class,
                e -> assertThat(e.messageKey()).isEqualTo("handover.photoRequired"));
        assertThatThrownBy(() -> handOver.handOver(new HandOverRequest("KTP-K0001", "op1", CardFixtures.Prints.PROBE,
                PHOTO, null))).isInstanceOfSatisfying(CardException.class,
                e -> assertThat(e.messageKey()).isEqualTo("handover.signatureRequired"));
        assertThat(cards.require("KTP-K0001").state()).isEqualTo(CardState.ASSIGNED);
    }

    @Test
    void handOverStillMatchesAfterTheBiometricPayloadWasPurged() {
        Outbox outbox = store.outbox();
        String packetId = outbox.entry(packetOf(owner)).orElseThrow().packetId();
        // The owner's record has one print and nine exceptions: approving it takes a review note (issue 12).
        store.captures().approve(List.of(owner.id()), "spv", "satu jari terekam, sembilan diperban; dicek");
        outbox.startUpload(packetId, URI.create("https://x/1"), "sync");
        outbox.markAcknowledged(packetId, "sync");
        outbox.markConfirmed(packetId, "sync");
        f.clock.advance(Duration.ofDays(31));
        assertThat(outbox.purgeConfirmed(Duration.ofDays(30), "sync")).isEqualTo(1);
        assertThat(store.findSummary(owner.id()).orElseThrow().payloadPurged()).isTrue();

        HandOver h = handOver.handOver(request(CardFixtures.Prints.PROBE));
        assertThat(h.method()).isEqualTo(HandOver.Method.FINGERPRINT);
    }

    private String packetOf(EnrollmentRecord r) {
        return store.read(tx -> {
            try (var p = tx.connection().prepareStatement("SELECT id FROM packets WHERE record_id = ?")) {
                p.setString(1, r.id().value());
                try (var rs = p.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}
