package id.rekam.reports;

import id.rekam.core.coverage.Counts;
import id.rekam.core.coverage.CoverageReport;
import id.rekam.core.text.Bundles;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The laporan harian perekaman: the team's standing against its targets on one day, per
 * kelurahan/desa (with a bar a camat reads at a glance), per team member and as a 14-day trend,
 * the same figures the station's coverage screen shows. Numbers only: it names no citizen, so it
 * may be printed, saved and sent on.
 */
public final class DailyRecordingReport {

    private static final float SIZE = 8.5f;
    private static final float ROW = 14f;
    private static final int TREND_DAYS = 14;

    private final ResourceBundle text;
    private final Locale locale;
    private final ZoneId zone;

    public DailyRecordingReport(Locale locale, ZoneId zone) {
        this.text = Bundles.get("id.rekam.reports.daily-report", locale);
        this.locale = locale;
        this.zone = zone;
    }

    public byte[] render(CoverageReport r, String officeName, String preparedBy, Instant printedAt) {
        try (PDDocument doc = new PDDocument()) {
            try (PdfPages pages = new PdfPages(doc, null)) {
                PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
                PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
                pages.newPage();
                pages.centered(bold, 13, t("daily.title"));
                pages.down(6);
                DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", locale);
                header(pages, regular, bold, t("daily.date"), r.asOf().format(day));
                header(pages, regular, bold, t("daily.office"), officeName);
                header(pages, regular, bold, t("daily.stations"), String.join(", ", r.stations()));
                header(pages, regular, bold, t("daily.printedAt"),
                        DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale).format(printedAt.atZone(zone)));
                pages.down(8);

                Counts today = r.villages().stream().map(CoverageReport.VillageLine::today).reduce(Counts.ZERO,
                        Counts::plus);
                section(pages, bold, t("daily.summary"));
                Table summary = new Table(pages, regular, bold, new float[] {1, 1, 1, 1, 1, 1, 1});
                summary.head(t("daily.target"), t("daily.recordedTotal"), t("daily.percent"), t("daily.recordedToday"),
                        t("daily.delivered"), t("daily.accepted"), t("daily.duplicate"));
                summary.row(n(r.totalTarget()), n(r.total().recorded()), percent(r.percentRecorded(), r.totalTarget()),
                        n(today.recorded()), n(r.total().delivered()), n(r.total().accepted()),
                        n(r.total().duplicate()));
                pages.down(10);

                section(pages, bold, t("daily.byVillage"));
                Table villages = new Table(pages, regular, bold, new float[] {1.45f, 2.1f, 0.9f, 0.9f, 0.9f, 1.9f,
                        0.9f, 0.9f, 0.9f});
                villages.head(t("daily.code"), t("daily.village"), t("daily.target"), t("daily.recordedToday"),
                        t("daily.recordedTotal"), t("daily.percent"), t("daily.delivered"), t("daily.accepted"),
                        t("daily.duplicate"));
                for (CoverageReport.VillageLine v : r.villages()) {
                    villages.rowWithBar(5, v.target() == 0 ? -1 : v.percentRecorded(), v.villageCode(), v.villageName(),
                            v.target() == 0 ? "-" : n(v.target()), n(v.today().recorded()), n(v.counts().recorded()),
                            percent(v.percentRecorded(), v.target()), n(v.counts().delivered()),
                            n(v.counts().accepted()), n(v.counts().duplicate()));
                }
                pages.down(10);

                section(pages, bold, t("daily.byMember"));
                Table members = new Table(pages, regular, bold, new float[] {1.6f, 1.4f, 1, 1, 1, 1, 1});
                members.head(t("daily.station"), t("daily.operator"), t("daily.recordedToday"),
                        t("daily.recordedTotal"), t("daily.delivered"), t("daily.accepted"), t("daily.duplicate"));
                for (CoverageReport.MemberLine m : r.members()) {
                    members.row(m.stationId(), m.operator(), n(m.today().recorded()), n(m.counts().recorded()),
                            n(m.counts().delivered()), n(m.counts().accepted()), n(m.counts().duplicate()));
                }
                pages.down(10);

                section(pages, bold, t("daily.trend"));
                List<CoverageReport.DayLine> days = r.days().stream()
                        .filter(d -> !d.day().isAfter(r.asOf()) && d.day().isAfter(r.asOf().minusDays(TREND_DAYS)))
                        .toList();
                long max = days.stream().mapToLong(d -> d.counts().recorded()).max().orElse(1);
                Table trend = new Table(pages, regular, bold, new float[] {1.4f, 1, 4.6f});
                trend.head(t("daily.day"), t("daily.recordedToday"), "");
                for (CoverageReport.DayLine d : days) {
                    trend.rowWithBar(2, max == 0 ? 0 : 100.0 * d.counts().recorded() / max,
                            d.day().format(DateTimeFormatter.ofPattern("EEE d MMM", locale)), n(d.counts().recorded()),
                            "");
                }
                pages.down(10);
                pages.paragraph(regular, 7.5f, PdfPages.LEFT, pages.width(), 0, t("daily.note"));
                pages.down(18);
                pages.ensure(ROW);
                pages.text(regular, 9, PdfPages.LEFT, pages.y(), t("daily.preparedBy") + ": " + preparedBy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void header(PdfPages p, PDFont regular, PDFont bold, String label, String value) {
        p.ensure(ROW);
        p.down(ROW);
        p.text(regular, 9, PdfPages.LEFT, p.y(), label);
        p.text(bold, 9, PdfPages.LEFT + 90, p.y(), value);
    }

    private static void section(PdfPages p, PDFont bold, String title) {
        p.ensure(ROW * 3);
        p.down(ROW);
        p.text(bold, 10, PdfPages.LEFT, p.y(), title);
        p.down(4);
    }

    private String n(long v) {
        return NumberFormat.getIntegerInstance(locale).format(v);
    }

    private String percent(double p, long target) {
        if (target == 0) {
            return t("daily.noTarget");
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(1);
        return f.format(p) + " %";
    }

    private String t(String key) {
        return text.getString(key);
    }

    /** Columns in proportion to {@code weights}, ruled rows; a header row shaded. */
    private static final class Table {
        private final PdfPages p;
        private final PDFont regular;
        private final PDFont bold;
        private final float[] x;
        private final float[] w;

        Table(PdfPages p, PDFont regular, PDFont bold, float[] weights) {
            this.p = p;
            this.regular = regular;
            this.bold = bold;
            float sum = 0;
            for (float f : weights) {
                sum += f;
            }
            x = new float[weights.length];
            w = new float[weights.length];
            float at = PdfPages.LEFT;
            for (int i = 0; i < weights.length; i++) {
                x[i] = at;
                w[i] = p.width() * weights[i] / sum;
                at += w[i];
            }
        }

        void head(String... cells) {
            float h = 0;
            for (int i = 0; i < cells.length; i++) {
                h = Math.max(h, p.wrap(bold, SIZE - 0.5f, cells[i].isEmpty() ? " " : cells[i], w[i] - 4).size());
            }
            float height = h * (SIZE + 1) + 6;
            p.ensure(height + ROW);
            p.fill(PdfPages.LEFT, p.y() - height, p.width(), height, 0.88f);
            for (int i = 0; i < cells.length; i++) {
                float y = p.y() - SIZE - 2;
                for (String line : p.wrap(bold, SIZE - 0.5f, cells[i].isEmpty() ? " " : cells[i], w[i] - 4)) {
                    p.text(bold, SIZE - 0.5f, x[i] + 2, y, line);
                    y -= SIZE + 1;
                }
            }
            p.down(height);
        }

        void row(String... cells) {
            rowWithBar(-1, -1, cells);
        }

        /** A row whose column {@code barColumn} shows {@code percent} (0–100, capped) as a bar; -1 for none. */
        void rowWithBar(int barColumn, double percent, String... cells) {
            p.ensure(ROW);
            float top = p.y();
            float base = top - ROW + 4;
            for (int i = 0; i < cells.length; i++) {
                if (i == barColumn && percent >= 0) {
                    float full = w[i] - 4 - (cells[i].isEmpty() ? 0 : 38);
                    p.fill(x[i] + 2, base - 1, full, 8, 0.9f);
                    p.fill(x[i] + 2, base - 1, (float) (full * Math.min(100, percent) / 100), 8, 0.35f);
                    if (!cells[i].isEmpty()) {
                        p.text(regular, SIZE, x[i] + 2 + full + 3, base, cells[i]);
                    }
                } else {
                    p.text(regular, SIZE, x[i] + 2, base, clip(cells[i], w[i] - 4));
                }
            }
            p.line(PdfPages.LEFT, top - ROW, PdfPages.LEFT + p.width(), top - ROW, 0.3f);
            p.down(ROW);
        }

        private String clip(String s, float width) {
            String c = s == null ? "" : s;
            while (c.length() > 1 && p.textWidth(regular, SIZE, c) > width) {
                c = c.substring(0, c.length() - 1);
            }
            return c;
        }
    }
}
