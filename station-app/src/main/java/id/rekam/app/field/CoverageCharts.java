package id.rekam.app.field;

import id.rekam.app.ui.AppContext;
import id.rekam.core.coverage.Counts;
import id.rekam.core.coverage.CoverageReport;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** Fills the dashboard's charts and member table from a {@link CoverageReport}: what a camat reads at a glance. */
final class CoverageCharts {

    private static final int TREND_DAYS = 14;

    private final AppContext ctx;

    CoverageCharts(AppContext ctx) {
        this.ctx = ctx;
    }

    String summary(CoverageReport r) {
        NumberFormat n = NumberFormat.getIntegerInstance(ctx.config().locale());
        NumberFormat p = NumberFormat.getNumberInstance(ctx.config().locale());
        p.setMaximumFractionDigits(1);
        Counts today = r.villages().stream().map(CoverageReport.VillageLine::today).reduce(Counts.ZERO, Counts::plus);
        if (r.totalTarget() == 0) {
            return ctx.text("field.coverage.noTargets");
        }
        return ctx.text("field.coverage.summary", n.format(r.total().recorded()), n.format(r.totalTarget()),
                p.format(r.percentRecorded()) + " %", n.format(today.recorded()), n.format(r.total().delivered()),
                n.format(r.total().accepted()), n.format(r.total().duplicate()));
    }

    /** Share of the target recorded, per kelurahan/desa that has a target. */
    void villages(BarChart<String, Number> chart, CoverageReport r) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(ctx.text("field.coverage.percent"));
        for (CoverageReport.VillageLine v : r.villages()) {
            if (v.target() > 0) {
                s.getData().add(new XYChart.Data<>(v.villageName(), Math.min(100, v.percentRecorded())));
            }
        }
        chart.getData().setAll(java.util.List.of(s));
    }

    void trend(LineChart<String, Number> chart, CoverageReport r) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(ctx.text("field.trend.recorded"));
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM", ctx.config().locale());
        r.days().stream().filter(d -> d.day().isAfter(r.asOf().minusDays(TREND_DAYS)) && !d.day().isAfter(r.asOf()))
                .forEach(d -> s.getData().add(new XYChart.Data<>(d.day().format(f), d.counts().recorded())));
        chart.getData().setAll(java.util.List.of(s));
    }

    void members(TableView<CoverageReport.MemberLine> table, CoverageReport r) {
        if (table.getColumns().isEmpty()) {
            table.getColumns().add(column("field.col.station", CoverageReport.MemberLine::stationId));
            table.getColumns().add(column("field.col.operator", CoverageReport.MemberLine::operator));
            table.getColumns().add(column("field.col.today", m -> m.today().recorded()));
            table.getColumns().add(column("field.col.total", m -> m.counts().recorded()));
            table.getColumns().add(column("field.col.delivered", m -> m.counts().delivered()));
            table.getColumns().add(column("field.col.accepted", m -> m.counts().accepted()));
            table.getColumns().add(column("field.col.duplicate", m -> m.counts().duplicate()));
            // Station and operator take a little more; the five counts share the rest evenly.
            double[] share = {0.22, 0.18, 0.12, 0.12, 0.12, 0.12, 0.12};
            for (int i = 0; i < share.length; i++) {
                table.getColumns().get(i).prefWidthProperty()
                        .bind(table.widthProperty().subtract(24).multiply(share[i]));
            }
        }
        table.getItems().setAll(r.members());
    }

    private <T> TableColumn<CoverageReport.MemberLine, T> column(String key, Function<CoverageReport.MemberLine, T> f) {
        TableColumn<CoverageReport.MemberLine, T> c = new TableColumn<>(ctx.text(key));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }
}
