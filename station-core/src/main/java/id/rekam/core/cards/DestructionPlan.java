package id.rekam.core.cards;

import java.time.LocalDate;
import java.util.List;

/**
 * A destruction as it is held: document number, date, place, method (burning, as the circular
 * requires), the organising office and region (for the letterhead), the responsible officer and
 * the witnesses.
 */
public record DestructionPlan(String number, LocalDate date, String place, String method, String office,
                              String region, Official officer, List<Witness> witnesses) {

    public static final String BURNING = "BURNING";

    public DestructionPlan {
        witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
    }
}
