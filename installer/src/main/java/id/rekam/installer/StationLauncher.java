package id.rekam.installer;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Main class of the installed launcher: {@code --self-test} runs {@link SelfTest}, anything
 * else starts the station. Kept out of station-app so the app stays free of packaging
 * concerns; the station's main class is looked up by name because it belongs to another
 * module's release cycle and may move.
 */
public final class StationLauncher {

    static final String STATION_MAIN = "id.rekam.app.Main";

    private StationLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        if (Arrays.asList(args).contains("--self-test")) {
            SelfTest.main(args);
            return;
        }
        try {
            Class.forName(STATION_MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (ClassNotFoundException e) {
            System.err.println("station application " + STATION_MAIN + " is not in this image");
            System.exit(2);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
