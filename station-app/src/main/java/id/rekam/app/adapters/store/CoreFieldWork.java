package id.rekam.app.adapters.store;

import id.rekam.app.ports.FieldWork;
import id.rekam.core.coverage.Coverage;
import id.rekam.core.coverage.CoverageReport;
import id.rekam.core.coverage.Target;
import id.rekam.core.coverage.TargetsCsv;
import id.rekam.core.export.ExportException;
import id.rekam.core.export.PendingExport;
import id.rekam.core.export.SafetyBundles;
import id.rekam.core.field.FieldReport;
import id.rekam.core.field.Guardrails;
import id.rekam.core.store.StationStore;
import id.rekam.reports.DailyRecordingReport;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** station-core's guardrails, safety bundles and coverage on the unlocked store. */
final class CoreFieldWork implements FieldWork {

    private final StationStore store;
    private final Clock clock = Clock.systemUTC();

    CoreFieldWork(StationStore store) {
        this.store = store;
    }

    private Coverage coverageOf() {
        return new Coverage(store, clock);
    }

    private SafetyBundles bundles() {
        Coverage c = coverageOf();
        return new SafetyBundles(store, clock, c::ownTallyJson);
    }

    @Override
    public FieldReport guardrails() {
        return new Guardrails(store.fieldLimits(), store.zone()).evaluate(store.fieldFacts());
    }

    @Override
    public SafetyBundles.Pending safetyPending() {
        return bundles().pending();
    }

    @Override
    public SafetyBundles.Result writeSafetyBundle(Path media, char[] passphrase, String operator,
                                                  PendingExport.Progress progress) throws ExportException {
        return bundles().write(media, passphrase, operator, progress);
    }

    @Override
    public CoverageReport coverage() {
        Coverage c = coverageOf();
        return c.report(c.today());
    }

    @Override
    public List<Target> targets() {
        return coverageOf().targets();
    }

    @Override
    public int importTargets(Path csv, String supervisor) throws IOException, TargetsCsv.BadTargets {
        List<Target> targets;
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            targets = TargetsCsv.parse(r);
        }
        coverageOf().importTargets(targets, "csv:" + csv.getFileName(), supervisor);
        return targets.size();
    }

    @Override
    public byte[] dailyReport(String officeName, String preparedBy, Locale locale) {
        return new DailyRecordingReport(locale, store.zone()).render(coverage(), officeName, preparedBy,
                clock.instant());
    }
}
