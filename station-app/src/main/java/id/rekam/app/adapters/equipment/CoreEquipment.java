package id.rekam.app.adapters.equipment;

import id.rekam.app.ports.EquipmentService;
import id.rekam.core.equipment.EquipmentItem;
import id.rekam.core.equipment.EquipmentRegister;
import id.rekam.core.equipment.Loan;
import id.rekam.core.equipment.LoanRequest;
import id.rekam.core.equipment.LoanReturn;
import id.rekam.core.equipment.Loans;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The register and loans of core {@code equipment}, on the store the gateway has open. */
public final class CoreEquipment implements EquipmentService {

    private final Supplier<Optional<StationStore>> store;
    private final DeviceSightings sightings;
    private final Locale locale;

    public CoreEquipment(Supplier<Optional<StationStore>> store, DeviceSightings sightings, Locale locale) {
        this.store = store;
        this.sightings = sightings;
        this.locale = locale;
    }

    /** The store's refusal (core's rules and permissions) as the desk says it. */
    private <T> T refusable(Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreException e) {
            throw new Refused(e.localizedMessage(locale), e);
        }
    }

    private StationStore open() {
        return store.get().orElseThrow(() -> new IllegalStateException("the store is locked"));
    }

    @Override
    public List<EquipmentItem> devices() {
        sightings.flush();
        return new EquipmentRegister(open()).items();
    }

    @Override
    public List<Loan> loans() {
        return new Loans(open()).all();
    }

    @Override
    public List<Loan> overdue() {
        return new Loans(open()).overdue();
    }

    @Override
    public Loan lend(LoanRequest request, String actor) {
        sightings.flush();
        return refusable(() -> new Loans(open()).lend(request, actor));
    }

    @Override
    public Loan giveBack(String loanId, LoanReturn back, String actor) {
        return refusable(() -> new Loans(open()).giveBack(loanId, back, actor));
    }

    @Override
    public EquipmentItem setOwner(String deviceId, String office, String actor) {
        return refusable(() -> new EquipmentRegister(open()).setOwner(deviceId, office, actor));
    }
}
