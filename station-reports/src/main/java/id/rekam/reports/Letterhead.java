package id.rekam.reports;

import java.util.Locale;

/**
 * The office's letterhead (kop surat) and who signs its letters: "PEMERINTAH <region>" over the
 * office's name, an optional address line, the double rule of an Indonesian official letter; and
 * the signatory's title, name and NIP.
 *
 * @param region        "Kabupaten Klaten", "Kota Depok"
 * @param office        "Kecamatan Kemalang"
 * @param address       street, postcode, telephone of the office; may be blank
 * @param signatoryRole "Camat Kemalang"; the letter is signed "a.n." nobody else
 * @param signatoryName may be blank: a line is left to write the name by hand
 * @param signatoryNip  may be blank
 */
public record Letterhead(String region, String office, String address, String signatoryRole, String signatoryName,
                         String signatoryNip) {

    /** The town the letter is dated in: "Kabupaten Klaten" → "Klaten". */
    public String city() {
        return region.replaceFirst("(?i)^(kota|kabupaten|kab\\.)\\s+", "");
    }

    void draw(PdfPages p) {
        p.centered(p.bold, 14, "PEMERINTAH " + region.toUpperCase(Locale.ROOT));
        p.centered(p.bold, 15.5f, office.toUpperCase(Locale.ROOT));
        if (address != null && !address.isBlank()) {
            p.centered(p.regular, 10, address);
        }
        p.down(6);
        float x1 = PdfPages.LEFT;
        float x2 = PdfPages.LEFT + p.width();
        p.line(x1, p.y(), x2, p.y(), 2.2f);
        p.line(x1, p.y() - 3.2f, x2, p.y() - 3.2f, 0.6f);
        p.down(22);
    }

    /** The signature block, right-aligned: place and date, role, room to sign, name underlined, NIP. */
    void signature(PdfPages p, String placeAndDate, float size) {
        float x = PdfPages.LEFT + p.width() * 0.55f;
        float leading = size * 1.45f;
        p.ensure(leading * 6 + 48);
        p.down(leading);
        p.text(p.regular, size, x, p.y(), placeAndDate);
        p.down(leading);
        p.text(p.regular, size, x, p.y(), signatoryRole + ",");
        p.down(52);
        String name = signatoryName == null || signatoryName.isBlank() ? "(.................................)" : signatoryName;
        p.text(p.bold, size, x, p.y(), name);
        p.underline(x, p.y() - 2, p.textWidth(p.bold, size, name), 0.7f);
        if (signatoryNip != null && !signatoryNip.isBlank()) {
            p.down(leading);
            p.text(p.regular, size, x, p.y(), "NIP. " + signatoryNip);
        }
    }
}
