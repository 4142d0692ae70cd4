package id.rekam.app;

import javafx.application.Application;

/**
 * Plain entry point: launching a JavaFX {@link Application} subclass directly from a flat
 * classpath fails ("JavaFX runtime components are missing"), launching it from here works.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Application.launch(StationApp.class, args);
    }
}
