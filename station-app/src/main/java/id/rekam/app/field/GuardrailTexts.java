package id.rekam.app.field;

import id.rekam.app.ui.AppContext;
import id.rekam.core.field.Guardrail;

/** A guardrail in the operator's words: what stands where, and what to do about it. */
final class GuardrailTexts {

    private static final long MB = 1024 * 1024;

    private GuardrailTexts() {
    }

    static String of(AppContext ctx, Guardrail g) {
        return ctx.text("guardrail." + g.kind().name() + "." + g.level().name(), g.value(), g.warnAt(), g.limit(),
                g.value() / MB, g.limit() / MB);
    }

    /** CSS class of a notice at this level. */
    static String styleOf(Guardrail.Level level) {
        return level.atLeast(Guardrail.Level.OVER_LIMIT) ? "danger" : "warning";
    }
}
