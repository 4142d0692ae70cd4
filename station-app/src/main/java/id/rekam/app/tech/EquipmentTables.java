package id.rekam.app.tech;

import id.rekam.core.equipment.EquipmentItem;
import id.rekam.core.equipment.Loan;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The columns of the register and loan tables, in the desk's words and dates. */
final class EquipmentTables {

    private final Function<String, String> text;
    /** A device kind in the desk's words; a kind without words (a new device type) as it is. */
    private final Function<String, String> kind;
    private final DateTimeFormatter day;
    private final ZoneId zone = ZoneId.systemDefault();

    EquipmentTables(Function<String, String> text, java.util.function.Predicate<String> known, Locale locale) {
        this.text = text;
        this.kind = k -> known.test("tech.kind." + k) ? text.apply("tech.kind." + k) : k;
        this.day = DateTimeFormatter.ofPattern("dd-MM-yyyy", locale);
    }

    void devices(TableView<EquipmentItem> table, Function<String, Loan> openLoanOf, String ourOffice) {
        table.getColumns().setAll(List.of(
                column(text.apply("tech.eq.col.device"), EquipmentItem::deviceId, 120),
                column(text.apply("tech.eq.col.kind"), i -> kind.apply(i.kind()), 80),
                column(text.apply("tech.eq.col.model"), i -> i.model() + (i.simulated() ? " · SIMULASI" : ""), 170),
                column(text.apply("tech.eq.col.owner"), i -> office(i.ownerOffice(), ourOffice), 130),
                column(text.apply("tech.eq.col.lastSeen"), i -> day.format(i.lastSeen().atZone(zone)), 95),
                column(text.apply("tech.eq.col.loan"), i -> {
                    Loan l = openLoanOf.apply(i.deviceId());
                    return l == null ? "–" : text.apply("tech.eq.onLoanUntil") + " " + day.format(l.dueDate());
                }, 120)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    void loans(TableView<Loan> table, LocalDate today, String ourOffice) {
        table.getColumns().setAll(List.of(
                column(text.apply("tech.eq.col.device"), l -> l.device().deviceId(), 120),
                column(text.apply("tech.eq.col.fromTo"), l -> office(l.fromOffice(), ourOffice) + " → "
                        + office(l.toOffice(), ourOffice), 190),
                column(text.apply("tech.eq.col.people"), l -> l.handedBy() + " → " + l.receivedBy(), 170),
                column(text.apply("tech.eq.col.due"), l -> day.format(l.dueDate()), 95),
                column(text.apply("tech.eq.col.returned"), l -> l.returned()
                        .map(r -> day.format(r.at().atZone(zone)) + " · " + text.apply("tech.condition." + r.condition().name()))
                        .orElse(l.overdueOn(today) ? text.apply("tech.eq.overdue") : "–"), 140)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Loan loan, boolean empty) {
                super.updateItem(loan, empty);
                getStyleClass().remove("loan-overdue");
                if (!empty && loan != null && loan.overdueOn(today)) {
                    getStyleClass().add("loan-overdue");
                }
            }
        });
    }

    /** The station's own office is "this office": the other office is the news in a row. */
    private String office(String office, String ours) {
        return office.equalsIgnoreCase(ours) ? text.apply("tech.eq.thisOffice") : office;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        return c;
    }

    static Map<String, Loan> openByDevice(List<Loan> loans) {
        return loans.stream().filter(Loan::open).collect(java.util.stream.Collectors.toMap(l -> l.device().deviceId(),
                l -> l, (a, b) -> a));
    }
}
