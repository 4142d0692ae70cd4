package id.rekam.app.ui;

/**
 * What a screen's controller may tell the shell's keyboard scheme ({@link ShellKeys}). A screen
 * that implements nothing gets the whole scheme: Esc goes home, F12 logs out, F2–F9 open the
 * main screens, a lost focus finds the next control.
 */
public interface ScreenKeys {

    /**
     * Esc was pressed. Return true when the screen handled it itself (a record page goes back to
     * its list, the wizard asks once more before dropping captured biometrics); false lets the
     * shell go home.
     */
    default boolean onEscape() {
        return false;
    }

    /**
     * Whether this screen's own steps use the function keys (the enrollment wizard: F5 capture,
     * F6 accept best, F7 clear, F8 exception): then F2–F9 do not leave it, Esc does.
     */
    default boolean ownsFunctionKeys() {
        return false;
    }
}
