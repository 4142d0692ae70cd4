package id.rekam.core.cards;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CardStateTest {

    /** The whole table, written out independently of the enum: every pair not listed is forbidden. */
    @ParameterizedTest
    @CsvSource({
            "IN_STOCK,    ASSIGNED INVALID",
            "ASSIGNED,    ASSIGNED IN_STOCK HANDED_OVER INVALID",
            "HANDED_OVER, RETURNED",
            "RETURNED,    INVALID",
            "INVALID,     DESTROYED",
            "DESTROYED,   ''"})
    void transitionTable(CardState from, String allowed) {
        Set<CardState> expected = allowed.isBlank() ? EnumSet.noneOf(CardState.class)
                : Arrays.stream(allowed.trim().split("\\s+")).map(CardState::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CardState.class)));
        for (CardState to : CardState.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(expected.contains(to));
        }
    }

    @ParameterizedTest
    @CsvSource({"INVALID", "DESTROYED"})
    void invalidOrDestroyedCardNeverBecomesValidAgain(CardState dead) {
        for (CardState to : CardState.values()) {
            if (to != CardState.DESTROYED) {
                assertThat(dead.canMoveTo(to)).as(dead + " -> " + to).isFalse();
            }
        }
    }
}
