package id.rekam.core.diag;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One check's outcome, as the technician's screen, {@code rekam diag} and the help desk's report
 * show it. {@code title}, {@code result} and {@code nextStep} are for people, in the language the
 * run was made in (Bahasa Indonesia by default); {@code id} and {@code facts} are for machines
 * (e.g. {@code network.clock}, {@code skewSeconds=412}). Never carries personal data: see
 * {@link ReportGuard}.
 *
 * @param id       stable name of the check, {@code <area>.<step>}
 * @param area     scanner, camera, network, store, software (the self-test adds its own)
 * @param millis   how long the step took
 */
public record Finding(String id, String area, Status status, String title, String result, String nextStep,
                      Map<String, String> facts, long millis) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(status, "status");
        title = title == null ? id : title;
        result = result == null ? "" : result;
        nextStep = nextStep == null ? "" : nextStep;
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }
}
