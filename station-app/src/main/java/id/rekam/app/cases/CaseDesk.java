package id.rekam.app.cases;

import id.rekam.app.ports.CaseService;
import id.rekam.app.receipt.ReceiptPrinter;
import id.rekam.app.ui.AppContext;
import id.rekam.core.cases.CaseException;
import id.rekam.core.cases.Cases;
import id.rekam.core.text.DeskTimes;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * What the case screens share: the unlocked store's case service, the case bundle, moving
 * between the list and a case file, and the printer. The last document sent to the printer is
 * kept in memory only (letters and reports name citizens; nothing is written to disk).
 */
public final class CaseDesk {

    private final AppContext ctx;
    private final CaseService service;
    private final ResourceBundle text;
    private Consumer<String> openCase = id -> { };
    private Runnable showList = () -> { };
    private volatile byte[] lastPdf;

    CaseDesk(AppContext ctx, ResourceBundle text) {
        this.ctx = ctx;
        this.service = ctx.session().store().cases();
        this.text = text;
    }

    void onNavigate(Consumer<String> openCase, Runnable showList) {
        this.openCase = openCase;
        this.showList = showList;
    }

    void open(String caseId) {
        openCase.accept(caseId);
    }

    void backToList() {
        showList.run();
    }

    CaseService service() {
        return service;
    }

    Cases cases() {
        return service.cases();
    }

    String operator() {
        return ctx.session().operator().id();
    }

    String district() {
        return ctx.session().districtCode();
    }

    String t(String key, Object... args) {
        String pattern = text.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, text.getLocale()).format(args);
    }

    /** Why a case was raised, in the desk's language; a reason this version has no text for (a server's own) as sent. */
    String reason(String code) {
        return code != null && text.containsKey("reason." + code) ? text.getString("reason." + code) : String.valueOf(code);
    }

    ResourceBundle bundle() {
        return text;
    }

    String time(Instant at) {
        return at == null ? "-" : DeskTimes.format(at, service.zone());
    }

    String date(java.time.LocalDate d) {
        return d == null ? "-" : d.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", locale()));
    }

    /** A failure in the operator's language: case errors from their bundle, anything else by its message. */
    String explain(Throwable t) {
        if (t instanceof CaseException c) {
            return c.localizedMessage(locale());
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    Locale locale() {
        return ctx.config().locale();
    }

    /**
     * Sends a document to the printer (call off the FX thread).
     *
     * @return the sentence to add to the operator's message
     */
    String print(byte[] pdf) {
        lastPdf = pdf;
        try {
            return new ReceiptPrinter().print(pdf) ? t("printed") : t("noPrinter");
        } catch (Exception e) {
            return t("noPrinter");
        }
    }

    /** The document last rendered for the printer, in memory. */
    public byte[] lastPdf() {
        return lastPdf;
    }
}
