package id.rekam.bench.startup;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;

/**
 * The baseline of {@link StartupBench}: the smallest JavaFX window on the same JVM, class path
 * and options as the station, reporting its first frame the way the station's StartupClock does.
 */
public final class HelloFx extends Application {

    /** Plain entry point, as the station's Main: a main in an Application subclass fails on a flat class path. */
    public static final class Launch {
        private Launch() {
        }

        public static void main(String[] args) {
            Application.launch(HelloFx.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("rekam"), 1280, 800));
        stage.show();
        long wall = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
        System.out.println("rekam: first screen shown " + wall + " ms after JVM start (process CPU " + cpu + " ms)");
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                // As the station: the first pulse after "shown" draws the window, the second finds it drawn.
                if (++pulses >= 2) {
                    stop();
                    long w = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    long c = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                            ? os.getProcessCpuTime() / 1_000_000 : -1;
                    System.out.println("rekam: first frame rendered " + w + " ms after JVM start (process CPU " + c + " ms)");
                    Platform.exit();
                }
            }
        }.start();
    }
}
