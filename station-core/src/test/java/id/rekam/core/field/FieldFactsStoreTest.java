package id.rekam.core.field;

import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.DiskReserveException;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreFullException;
import id.rekam.core.store.TestStores;
import id.rekam.fixtures.DemoRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's facts behind the guardrails, and the one rule it enforces itself: the disk reserve. */
class FieldFactsStoreTest {

    private static final long MB = 1024L * 1024;

    @TempDir
    Path dir;

    private final TestStores.MutableClock clock = new TestStores.MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
    private final AtomicLong free = new AtomicLong(40_000 * MB);
    private final DemoRecords demo = TestStores.demo(16);
    private StationStore store;

    @BeforeEach
    void open() {
        store = TestStores.create(dir.resolve("station"), TestStores.fastOptions(clock)
                .withUsableSpace(d -> free.get()));
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String capture() {
        clock.advance(Duration.ofMinutes(1));
        return store.saveEnrollment(demo.next()).packetId();
    }

    @Test
    void factsCountWhatTheServerDoesNotHoldAndWhenItLastTookSomething() {
        FieldFacts empty = store.fieldFacts();
        assertThat(empty.pending()).isZero();
        assertThat(empty.lastDelivery()).isNull();
        assertThat(empty.oldestPending()).isNull();

        Instant firstCapture = clock.instant().plus(Duration.ofMinutes(1));
        String delivered = capture();
        String queued = capture();
        capture(); // waits for approval: still pending, still at risk
        store.outbox().approve(List.of(delivered, queued), "spv");
        store.outbox().enqueue(List.of(delivered, queued), "spv");
        clock.advance(Duration.ofHours(1));
        Instant ackAt = clock.instant();
        store.outbox().acknowledgeUpload(delivered, URI.create("https://pusat.example/v1/uploads/a"), "sync");
        clock.advance(Duration.ofDays(3));

        FieldFacts f = store.fieldFacts();
        assertThat(f.pending()).isEqualTo(2);
        assertThat(f.lastDelivery()).isEqualTo(ackAt);
        assertThat(f.oldestPending()).isAfter(firstCapture.minusSeconds(1)).isBefore(ackAt);
        assertThat(f.withoutSafetyCopy()).isEqualTo(2);
        assertThat(f.usableBytes()).isEqualTo(40_000 * MB);
        assertThat(f.recordsToday()).isZero();
        assertThat(f.bytesPerActiveDay()).as("three captures, one active day in the last week").isPositive();
        assertThat(store.outbox().entry(queued).orElseThrow().state()).isEqualTo(OutboxState.QUEUED);

        FieldReport report = new Guardrails(store.fieldLimits(), store.zone()).evaluate(f);
        assertThat(report.get(Guardrail.Kind.DAYS_SINCE_DELIVERY).orElseThrow().value()).isEqualTo(3);
        assertThat(report.get(Guardrail.Kind.DAYS_SINCE_DELIVERY).orElseThrow().level())
                .isEqualTo(Guardrail.Level.WARNING);
    }

    @Test
    void aCaptureThatWouldEatIntoTheReserveIsRefusedWholeAndSaysWhatToDo() {
        capture();
        long reserve = store.fieldLimits().diskReserveBytes();
        free.set(reserve + 10_000); // less than one packet above the reserve

        assertThatThrownBy(this::capture)
                .isInstanceOf(DiskReserveException.class)
                .isInstanceOf(StoreFullException.class)
                .hasMessageContaining("bundel pengaman")
                .satisfies(e -> assertThat(((DiskReserveException) e).localizedMessage(Locale.ENGLISH))
                        .contains("safety bundle").contains("nothing was saved"));
        assertThat(store.recordCount()).isEqualTo(1);
        assertThat(store.outbox().countByState().get(OutboxState.CAPTURED)).isEqualTo(1);

        free.set(reserve + 50 * MB);
        capture();
        assertThat(store.recordCount()).isEqualTo(2);
    }
}
