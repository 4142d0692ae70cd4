package id.rekam.installer.selftest;

/** One independent part of the self-test; never throws, reports instead. */
public interface Check {

    String name();

    CheckResult run();
}
