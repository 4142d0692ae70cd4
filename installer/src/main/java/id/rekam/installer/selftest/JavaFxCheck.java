package id.rekam.installer.selftest;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * JavaFX sits on the class path with its natives inside the platform jars. Loading the
 * classes and the display-independent native libraries proves the jars match this OS and
 * CPU; the toolkit itself is started only when a display exists, because a technician may
 * run the self-test over SSH and an app-image carries no headless (Monocle) platform.
 */
public final class JavaFxCheck extends SelfTestCheck {

    /** Native libraries that load without a display (glass, the windowing one, needs GTK). */
    private static final List<String> NATIVES = List.of("prism_sw", "javafx_font");

    @Override
    public String name() {
        return "javafx";
    }

    @Override
    public CheckResult run() {
        List<String> failures = new ArrayList<>();
        List<String> passes = new ArrayList<>();
        try {
            // Not initialised: controls' static initialisers need a running toolkit.
            ClassLoader cl = JavaFxCheck.class.getClassLoader();
            Class.forName("javafx.application.Platform", false, cl);
            Class.forName("javafx.scene.control.Button", false, cl);
            Class<?> info = Class.forName("com.sun.javafx.runtime.VersionInfo");
            passes.add("JavaFX " + info.getMethod("getRuntimeVersion").invoke(null) + " classes load");
        } catch (ReflectiveOperationException | LinkageError e) {
            return CheckResult.fail("JavaFX classes missing: " + CheckResult.describe(e));
        }
        try {
            Method load = Class.forName("com.sun.glass.utils.NativeLibLoader")
                    .getMethod("loadLibrary", String.class);
            for (String lib : NATIVES) {
                load.invoke(null, lib);
            }
            passes.add("native libraries " + String.join(", ", NATIVES) + " load");
        } catch (ReflectiveOperationException | LinkageError e) {
            failures.add("JavaFX natives do not load: " + CheckResult.describe(e));
        }
        if (hasDisplay()) {
            passes.add("display present: " + displayName() + " (toolkit starts with the station)");
        } else {
            passes.add("no display: toolkit start skipped");
        }
        return CheckResult.of(failures, passes);
    }

    private static boolean hasDisplay() {
        return displayName() != null;
    }

    private static String displayName() {
        String x = System.getenv("DISPLAY");
        if (x != null && !x.isBlank()) {
            return "DISPLAY=" + x;
        }
        String w = System.getenv("WAYLAND_DISPLAY");
        return w != null && !w.isBlank() ? "WAYLAND_DISPLAY=" + w : null;
    }
}
