package id.rekam.app.adapters.diagnostics;

import id.rekam.app.adapters.sync.SyncSettings;
import id.rekam.app.ports.DiagnosticsService;
import id.rekam.core.diag.DiagnosticReport;
import id.rekam.core.diag.Finding;
import id.rekam.core.equipment.EquipmentSnapshot;
import id.rekam.core.store.StationStore;
import id.rekam.devices.Devices;
import id.rekam.diag.DiagnosticListener;
import id.rekam.diag.DiagnosticRun;
import id.rekam.diag.StationDiagnostics;
import id.rekam.diag.network.NetworkTarget;
import id.rekam.diag.report.ReportBuilder;
import id.rekam.diag.report.ReportFiles;
import id.rekam.diag.software.UpdateCheckStamp;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The technician's screen's diagnostics: station-diagnostics' engine on the running station — its
 * device layer (the desk's scanner and camera released first), the unlocked store (audit chain,
 * the station key for the server's identity check and the throughput probe), the server and pin
 * of the settings file. The report is built from the run and the register's clear columns.
 */
public final class StationDiagnosticsService implements DiagnosticsService {

    /** Where the station is, how it reaches its devices and server; read at each run. */
    public record Station(Path dataDir, Supplier<Devices> devices, Runnable releaseDesk,
                          UnaryOperator<id.rekam.core.domain.DeviceRef> provenance,
                          Supplier<Optional<StationStore>> store, Supplier<Properties> settings,
                          Supplier<String> office, Locale locale) {
    }

    private final Station station;
    private final UpdateCheckStamp updates;
    private final Clock clock;

    public StationDiagnosticsService(Station station, UpdateCheckStamp updates, Clock clock) {
        this.station = station;
        this.updates = updates;
        this.clock = clock;
    }

    @Override
    public List<String> areas() {
        return diagnostics().checks().stream().map(id.rekam.diag.Check::area).toList();
    }

    private StationDiagnostics diagnostics() {
        return new StationDiagnostics(station.dataDir(), station.devices(), station.releaseDesk(), station.provenance(),
                this::target, station.store(), updates, StationDiagnostics.CAPTURE_TIMEOUT, clock);
    }

    private Optional<NetworkTarget> target() {
        Optional<StationStore> store = station.store().get();
        // The server pinned at provisioning (read from the store, locked or not), never the settings file.
        return store.flatMap(StationStore::serverTrust).or(() -> SyncSettings.pinned(station.dataDir()))
                .map(s -> new NetworkTarget(s.server(), s.tlsPin(),
                store.map(StationStore::stationId).orElse("UNREGISTERED"),
                store.<UnaryOperator<byte[]>>map(st -> st::signRequest).orElse(null)));
    }

    @Override
    public DiagnosticReport run(Progress progress) {
        DiagnosticRun run = diagnostics().engine(station.locale()).run(new DiagnosticListener() {
            @Override
            public void started(String area) {
                progress.started(area);
            }

            @Override
            public void prompt(String area, String text) {
                progress.prompt(area, text);
            }

            @Override
            public void finding(Finding finding) {
                progress.finding(finding);
            }

            @Override
            public void image(String findingId, BufferedImage image) {
                progress.image(findingId, image);
            }

            @Override
            public void finished(String area) {
                progress.finished(area);
            }
        });
        Optional<StationStore> store = station.store().get();
        String stationId = store.map(StationStore::stationId).orElse("UNREGISTERED");
        ZoneId zone = store.map(StationStore::zone).orElse(ZoneId.systemDefault());
        return ReportBuilder.build(run, stationId, station.office().get(), station.locale(),
                EquipmentSnapshot.read(station.dataDir(), LocalDate.ofInstant(clock.instant(), zone)));
    }

    @Override
    public List<Path> save(DiagnosticReport report, Path folder) throws IOException {
        ZoneId zone = station.store().get().map(StationStore::zone).orElse(ZoneId.systemDefault());
        Path pdf = ReportFiles.writePdf(folder.resolve(ReportBuilder.fileName(report, "pdf")), report, station.locale(),
                zone);
        Path json = ReportFiles.writeJson(folder.resolve(ReportBuilder.fileName(report, "json")), report);
        return List.of(pdf, json);
    }
}
