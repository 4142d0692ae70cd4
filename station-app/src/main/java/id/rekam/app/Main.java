package id.rekam.app;

import id.rekam.app.fx.SoftwareRendering;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * Plain entry point: launching a JavaFX {@link Application} subclass directly from a flat
 * classpath fails ("JavaFX runtime components are missing"), launching it from here works.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before any image is decoded or encoded: no photo or signature in the temp directory.
        id.rekam.core.io.ImageIoCache.off();
        if (Bootstrap.demoRequested(Arrays.asList(args)) && DemoMode.find().isEmpty()) {
            // Said before a window opens: an installed station has no demo wiring to start.
            System.err.println(Bootstrap.NO_DEMO);
            System.exit(2);
        }
        if (SoftwareRendering.chooseWhenNoGpu()) {
            LoggerFactory.getLogger(Main.class).info("no GPU device (/dev/dri, /dev/nvidia*): JavaFX software pipeline");
        }
        Application.launch(StationApp.class, args);
    }
}
