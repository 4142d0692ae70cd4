package id.rekam.app.ports;

import id.rekam.core.cards.BlankLedger;
import id.rekam.core.cards.CardRegistry;
import id.rekam.core.cards.DestructionRegister;
import id.rekam.core.cards.HandOverService;

import java.time.ZoneId;

/**
 * The card desk's services on the unlocked store. They are station-core's card services
 * themselves: the rules (custody, 1:1 match at hand-over, witnessed destruction) live there,
 * once; this port only hides how they are bound to the store.
 */
public interface CardService {

    CardRegistry registry();

    HandOverService handOver();

    BlankLedger ledger();

    DestructionRegister destruction();

    /** The station's time zone: the date printed on a berita acara. */
    ZoneId zone();
}
