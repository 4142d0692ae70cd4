package id.rekam.app.ports;

import id.rekam.core.coverage.CoverageReport;
import id.rekam.core.coverage.Target;
import id.rekam.core.coverage.TargetsCsv;
import id.rekam.core.export.ExportException;
import id.rekam.core.export.PendingExport;
import id.rekam.core.export.SafetyBundles;
import id.rekam.core.field.FieldReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A mobile team's day (issue 16): the offline guardrails, safety bundles to removable media, and
 * coverage against the targets. The limits and rules behind each call live in station-core.
 */
public interface FieldWork {

    /** Days since delivery, pending, oldest pending, disk and its forecast, against the station's limits. */
    FieldReport guardrails();

    SafetyBundles.Pending safetyPending();

    /** Copies every unconfirmed record not yet on {@code media}; their state does not change. */
    SafetyBundles.Result writeSafetyBundle(Path media, char[] passphrase, String operator,
                                           PendingExport.Progress progress) throws ExportException;

    /** The team's standing today: this station and every team member's latest tally. */
    CoverageReport coverage();

    List<Target> targets();

    /**
     * Replaces the targets with a supervisor's CSV.
     *
     * @return how many kelurahan/desa the list holds
     * @throws id.rekam.core.auth.AuthException the account is not a supervisor
     */
    int importTargets(Path csv, String supervisor) throws IOException, TargetsCsv.BadTargets;

    /** The laporan harian perekaman of today, as PDF (numbers only). */
    byte[] dailyReport(String officeName, String preparedBy, Locale locale);
}
