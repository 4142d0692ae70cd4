package id.rekam.diag;

import id.rekam.core.diag.DiagnosticReport;
import id.rekam.core.diag.Finding;
import id.rekam.core.diag.Status;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one run: findings in the order of the checks (each check's in its own order),
 * the images of test captures (for the screen only) and how long it took.
 */
public record DiagnosticRun(Instant startedAt, Duration took, List<Finding> findings, Map<String, BufferedImage> images) {

    public DiagnosticRun {
        findings = List.copyOf(findings);
        images = Map.copyOf(images);
    }

    public Status status() {
        return DiagnosticReport.worst(findings);
    }

    public List<Finding> area(String area) {
        return findings.stream().filter(f -> f.area().equals(area)).toList();
    }
}
