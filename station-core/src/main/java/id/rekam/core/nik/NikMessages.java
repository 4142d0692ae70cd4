package id.rekam.core.nik;

import id.rekam.core.domain.Gender;
import id.rekam.core.text.Bundles;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Localised NIK messages from {@code id/rekam/core/nik/messages*.properties}: Bahasa Indonesia
 * by default, English in {@code _en}. Argument {@code {0}} of every message is the phrase naming
 * the digit group, e.g. "Digit 7–8 (tanggal lahir)".
 */
public final class NikMessages {

    static final String BUNDLE = "id.rekam.core.nik.messages";

    private NikMessages() {
    }

    public static String format(NikIssue issue, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        Object[] args = new Object[issue.args().size() + 1];
        args[0] = groupPhrase(bundle, issue.group(), locale);
        for (int i = 0; i < issue.args().size(); i++) {
            Object a = issue.args().get(i);
            args[i + 1] = a instanceof Gender g ? bundle.getString("gender." + g.name()) : String.valueOf(a);
        }
        return new MessageFormat(bundle.getString("issue." + issue.code().name()), locale).format(args);
    }

    /** "Digit 7–8 (tanggal lahir)" / "Digits 7–8 (day of birth)". */
    public static String groupPhrase(NikGroup group, Locale locale) {
        return groupPhrase(bundle(locale), group, locale);
    }

    private static String groupPhrase(ResourceBundle bundle, NikGroup group, Locale locale) {
        return new MessageFormat(bundle.getString("group.phrase"), locale).format(new Object[] {
                String.valueOf(group.firstDigit()), String.valueOf(group.lastDigit()),
                bundle.getString("group." + group.name())});
    }

    static ResourceBundle bundle(Locale locale) {
        return Bundles.get(BUNDLE, locale);
    }
}
