package id.rekam.core.field;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The guardrails evaluated at one moment.
 *
 * @param daysToFull days until the disk reserve is reached at today's pace; empty without a pace
 */
public record FieldReport(FieldFacts facts, List<Guardrail> guardrails, OptionalLong daysToFull,
                          boolean capturesAllowed) {

    public Guardrail.Level worst() {
        return guardrails.stream().map(Guardrail::level).max(Enum::compareTo).orElse(Guardrail.Level.OK);
    }

    public Optional<Guardrail> get(Guardrail.Kind kind) {
        return guardrails.stream().filter(g -> g.kind() == kind).findFirst();
    }

    /** The guardrails that need the operator's attention, worst first. */
    public List<Guardrail> warnings() {
        return guardrails.stream().filter(g -> g.level() != Guardrail.Level.OK)
                .sorted((a, b) -> b.level().compareTo(a.level())).toList();
    }
}
