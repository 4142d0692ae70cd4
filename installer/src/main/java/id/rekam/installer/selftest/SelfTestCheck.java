package id.rekam.installer.selftest;

import id.rekam.core.diag.Status;
import id.rekam.diag.Check;
import id.rekam.diag.Probe;

import java.time.Duration;

/**
 * One independent part of the self-test, run on the station's diagnostics engine (the same one
 * behind the technician's screen and {@code rekam diag}): the engine gives every check a time
 * limit and turns a crash into a failure, so one stuck driver can neither hang nor end the
 * self-test. Its report stays the self-test's: English lines for the installer's log.
 */
public abstract class SelfTestCheck implements Check {

    public abstract String name();

    /** The check itself; reports instead of throwing where it can. */
    public abstract CheckResult run();

    @Override
    public String area() {
        return name();
    }

    @Override
    public Duration budget() {
        return Duration.ofSeconds(60);
    }

    @Override
    public final void run(Probe probe) {
        CheckResult r = run();
        Status status = switch (r.status()) {
            case PASS -> Status.OK;
            case WARN -> Status.WARNING;
            case FAIL -> Status.FAILED;
        };
        probe.step("result").text(status, name(), String.join("\n", r.details()),
                status == Status.OK ? "-" : "see the lines above; docs/design/packaging.md explains each check");
    }
}
