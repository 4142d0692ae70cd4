package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.ports.Operator;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.Map;

/**
 * The station's keyboard scheme, in one place so every screen gets it without code of its own:
 * <ul>
 *   <li>Esc: back (if the screen says so, {@link ScreenKeys#onEscape}) or home;</li>
 *   <li>F12: log out;</li>
 *   <li>F2 new enrollment, F3 records, F4 approval, F5 cards, F6 sync, F7 operators, F8 KTP ganda
 *       cases, F9 station settings, F10 team dashboard, F11 safety bundles — from every screen but
 *       the wizard, whose steps use the F-keys themselves.</li>
 * </ul>
 * This map is the only place a screen gets an F-key: a home-screen node or a screen does not bind
 * one of its own (three handlers once claimed F7 on home, so one press opened whichever came
 * first); its own actions use Ctrl+letter or Alt+letter.
 * Esc and F12 are taken before any control sees them (a text field with a formatter would
 * swallow Esc), except while a drop-down list is open: then Esc closes the list. The F-keys are
 * taken after the screen: a step that uses one consumes it first.
 */
public final class ShellKeys {

    /** The screens the F-keys open; the home screen's buttons name the same keys. */
    static final Map<KeyCode, Screen> SCREEN_KEYS = Map.of(
            KeyCode.F2, Screen.ENROLL,
            KeyCode.F3, Screen.RECORDS,
            KeyCode.F4, Screen.APPROVAL,
            KeyCode.F5, Screen.CARDS,
            KeyCode.F6, Screen.SYNC,
            KeyCode.F7, Screen.OPERATORS,
            KeyCode.F8, Screen.CASES,
            KeyCode.F9, Screen.PROVISIONING,
            KeyCode.F10, Screen.FIELD,
            KeyCode.F11, Screen.BUNDLES);
    static final KeyCode LOGOUT = KeyCode.F12;

    private final AppContext ctx;

    private ShellKeys(AppContext ctx) {
        this.ctx = ctx;
    }

    public static void install(Scene scene, AppContext ctx) {
        ShellKeys keys = new ShellKeys(ctx);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys::first);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, keys::last);
    }

    private void first(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        if (e.getCode() == KeyCode.ESCAPE && !popupOpen(e)) {
            escape();
            e.consume();
        } else if (e.getCode() == LOGOUT && loggedIn()) {
            logout(ctx);
            e.consume();
        }
    }

    private void last(KeyEvent e) {
        Screen target = SCREEN_KEYS.get(e.getCode());
        if (target == null || e.isShortcutDown() || e.isAltDown() || !loggedIn()) {
            return;
        }
        if (ctx.navigator().controller() instanceof ScreenKeys s && s.ownsFunctionKeys()) {
            return;
        }
        e.consume();
        if (mayOpen(ctx, target)) {
            ctx.navigator().show(target);
        }
    }

    private static boolean popupOpen(KeyEvent e) {
        return (e.getTarget() instanceof ComboBoxBase<?> c && c.isShowing())
                || (e.getTarget() instanceof MenuButton m && m.isShowing());
    }

    private void escape() {
        if (ctx.navigator().controller() instanceof ScreenKeys s && s.onEscape()) {
            return;
        }
        if (loggedIn() && ctx.navigator().current() != Screen.HOME) {
            ctx.navigator().show(Screen.HOME);
        }
    }

    private boolean loggedIn() {
        return ctx.session().operatorProperty().get() != null;
    }

    /** Who may open what: the same rule for a key, a home button and a link. */
    public static boolean mayOpen(AppContext ctx, Screen screen) {
        Operator op = ctx.session().operatorProperty().get();
        if (op == null) {
            return false;
        }
        return switch (screen) {
            // At a per-record desk an operator's records are approved at the desk, not from a list.
            case APPROVAL -> op.supervisor() || ctx.config().approvalMode() != AppConfig.ApprovalMode.PER_RECORD;
            case OPERATORS, PROVISIONING -> op.supervisor();
            default -> true;
        };
    }

    public static void logout(AppContext ctx) {
        ctx.session().operatorProperty().set(null);
        ctx.navigator().show(Screen.LOGIN);
    }
}
