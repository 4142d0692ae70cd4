package id.rekam.bench.startup;

import id.rekam.app.StartupClock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The baseline of {@link StartupBench}: the smallest JavaFX window on the same JVM, class path
 * and options as the station, timed by the station's own StartupClock (it only prints).
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
        StartupClock.markFirstScreen();
        StartupClock.markFirstFrameWhenDrawn(Platform::exit);
    }
}
