package id.rekam.diag.software;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When this computer last looked for newer software. A station gets rekam, like every other
 * package, through the system's package manager, so the last successful look is the package
 * manager's: on Debian/Ubuntu apt's {@code update-success-stamp} (written by {@code apt update}
 * and the daily timer) or, failing that, the time its package lists were refreshed.
 */
public final class UpdateCheckStamp {

    private final List<Path> stamps;

    public UpdateCheckStamp(List<Path> stamps) {
        this.stamps = List.copyOf(stamps);
    }

    /** apt's stamps; on a system without apt none exists and the time is unknown. */
    public static UpdateCheckStamp system() {
        return new UpdateCheckStamp(List.of(Path.of("/var/lib/apt/periodic/update-success-stamp"),
                Path.of("/var/lib/apt/lists/partial"), Path.of("/var/lib/apt/lists")));
    }

    public List<Path> stamps() {
        return stamps;
    }

    /** The newest of the stamps that exist. */
    public Optional<Instant> lastCheck() {
        Instant newest = null;
        for (Path p : stamps) {
            try {
                if (Files.exists(p)) {
                    Instant t = Files.getLastModifiedTime(p).toInstant();
                    newest = newest == null || t.isAfter(newest) ? t : newest;
                }
            } catch (IOException | SecurityException e) {
                // an unreadable stamp tells nothing; the others may
            }
        }
        return Optional.ofNullable(newest);
    }
}
