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
        this.day = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
    }

    void devices(TableView<EquipmentItem> table, Function<String, Loan> openLoanOf) {
        table.getColumns().setAll(List.of(
                column(text.apply("tech.eq.col.device"), EquipmentItem::deviceId, 150),
                column(text.apply("tech.eq.col.kind"), i -> kind.apply(i.kind()), 110),
                column(text.apply("tech.eq.col.model"), i -> i.model() + (i.simulated() ? " · SIMULASI" : ""), 210),
                column(text.apply("tech.eq.col.owner"), EquipmentItem::ownerOffice, 190),
                column(text.apply("tech.eq.col.lastSeen"), i -> day.format(i.lastSeen().atZone(zone)), 110),
                column(text.apply("tech.eq.col.loan"), i -> {
                    Loan l = openLoanOf.apply(i.deviceId());
                    return l == null ? "–" : text.apply("tech.eq.onLoanUntil") + " " + day.format(l.dueDate());
                }, 150)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    void loans(TableView<Loan> table, LocalDate today) {
        table.getColumns().setAll(List.of(
                column(text.apply("tech.eq.col.device"), l -> l.device().deviceId(), 140),
                column(text.apply("tech.eq.col.fromTo"), l -> l.fromOffice() + " → " + l.toOffice(), 230),
                column(text.apply("tech.eq.col.people"), l -> l.handedBy() + " → " + l.receivedBy(), 200),
                column(text.apply("tech.eq.col.condition"), l -> text.apply("tech.condition." + l.condition().name()), 100),
                column(text.apply("tech.eq.col.due"), l -> day.format(l.dueDate()), 100),
                column(text.apply("tech.eq.col.returned"), l -> l.returned()
                        .map(r -> day.format(r.at().atZone(zone)) + " · " + text.apply("tech.condition." + r.condition().name()))
                        .orElse(l.overdueOn(today) ? text.apply("tech.eq.overdue") : "–"), 150)));
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
