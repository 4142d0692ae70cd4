package id.rekam.server;

import id.rekam.reports.LossNotificationPdf;
import id.rekam.server.admin.AdminService;
import id.rekam.server.admin.LossReport;
import id.rekam.server.http.ApiException;
import id.rekam.server.stations.RevocationReason;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The administrator's answer to a lost station: revoke it, send it a command, draft the loss notification. */
final class StationAdminCommands {

    private StationAdminCommands() {
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "shut a station out: its requests are refused from now on (what it delivered stays)")
    static final class Revoke extends CentralServerMain.AdminCommand {
        @Option(names = "--station", required = true)
        String stationId;

        @Option(names = "--reason", required = true, description = "stolen, lost or decommissioned")
        String reason;

        @Option(names = "--note", description = "what happened (goes into the loss report)")
        String note;

        @Option(names = "--by", defaultValue = "admin", description = "who revokes (recorded)")
        String by;

        @Option(names = "--command", description = "lock or crypto-erase: sent with the revocation notice")
        String command;

        @Override
        int run(AdminService admin) {
            RevocationReason r;
            try {
                r = RevocationReason.fromWire(reason);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            try {
                Station s = admin.revoke(stationId, r, note, by, command);
                System.out.println(s.stationId() + " revoked (" + s.revocation().reason().wire() + ") at "
                        + s.revocation().at() + (command == null ? "" : "; " + command + " sent with the notice"));
                return 0;
            } catch (ApiException e) {
                System.err.println(e.code() + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "station-command", mixinStandardHelpOptions = true,
            description = "send a signed command to a station through its feed: lock, unlock or crypto-erase")
    static final class SendCommand extends CentralServerMain.AdminCommand {
        @Option(names = "--station", required = true)
        String stationId;

        @Option(names = "--command", required = true, description = "lock, unlock or crypto-erase")
        String command;

        @Option(names = "--reason")
        String reason;

        @Option(names = "--by", defaultValue = "admin")
        String by;

        @Override
        int run(AdminService admin) {
            try {
                StationCommands.Issued i = admin.command(stationId, command, reason, by);
                System.out.println(i.commandId() + " " + i.command() + " for " + i.stationId() + " at " + i.issuedAt());
                return 0;
            } catch (ApiException e) {
                System.err.println(e.code() + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "loss-report", mixinStandardHelpOptions = true,
            description = "what may have been on a station reported stolen or lost, and the draft of the "
                    + "UU 27/2022 Pasal 46 notification (PDF, Bahasa Indonesia)")
    static final class LossReportCommand extends CentralServerMain.AdminCommand {
        @Option(names = "--station", required = true)
        String stationId;

        @Option(names = "--out", description = "write the PDF here")
        Path out;

        @Override
        int run(AdminService admin) {
            LossReport report;
            try {
                report = admin.lossReport(stationId);
            } catch (ApiException e) {
                System.err.println(e.code() + ": " + e.getMessage());
                return 1;
            }
            System.out.printf("%s %s since %s; notify by %s; last contact %s; reported pending %s;%n"
                            + "%d delivered records not confirmed purged; at most %d people%n",
                    stationId, report.station().revocation().reason().wire(), report.reportedAt(), report.deadline(),
                    report.station().lastContactAt(), report.station().reportedPending(),
                    report.maybeOnStation().size(), report.mostPeopleExposed());
            if (out != null) {
                try {
                    Files.write(out, new LossNotificationPdf().render(report.notice()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                System.out.println("notification draft: " + out);
            }
            return 0;
        }
    }
}
