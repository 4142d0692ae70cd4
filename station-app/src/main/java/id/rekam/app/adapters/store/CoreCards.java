package id.rekam.app.adapters.store;

import id.rekam.app.ports.CardService;
import id.rekam.core.cards.BlankLedger;
import id.rekam.core.cards.CardRegistry;
import id.rekam.core.cards.DestructionRegister;
import id.rekam.core.cards.HandOverService;
import id.rekam.core.store.StationStore;

import java.time.ZoneId;

/** station-core's card services bound to the unlocked {@link StationStore}. */
final class CoreCards implements CardService {

    private final StationStore store;
    private final CardRegistry registry;
    private final HandOverService handOver;
    private final BlankLedger ledger;
    private final DestructionRegister destruction;

    CoreCards(StationStore store) {
        this.store = store;
        this.registry = new CardRegistry(store);
        this.handOver = new HandOverService(store);
        this.ledger = new BlankLedger(store);
        this.destruction = new DestructionRegister(store);
    }

    @Override
    public CardRegistry registry() {
        return registry;
    }

    @Override
    public HandOverService handOver() {
        return handOver;
    }

    @Override
    public BlankLedger ledger() {
        return ledger;
    }

    @Override
    public DestructionRegister destruction() {
        return destruction;
    }

    @Override
    public ZoneId zone() {
        return store.zone();
    }
}
