package id.rekam.core.cards;

import id.rekam.core.auth.AuthException;
import id.rekam.core.auth.Role;

/**
 * Who may change a card's custody and destroy cards: written once, enforced by the card services
 * inside the transaction that moves the card, on the roles the store holds (no screen can skip
 * it). A printed card is a blank identity document: handing it to a desk or an officer, taking it
 * back, declaring it invalid or registering it for destruction decides where an ID card can go,
 * so a supervisor does it. Receiving a batch (two people, one a witness), handing a card to its
 * owner after a fingerprint match and taking a card back from its owner stay with the operators.
 */
public final class CustodyPolicy {

    private CustodyPolicy() {
    }

    /** Assign or re-assign, return to stock, invalidate, register for or carry out destruction. */
    public static boolean mayChangeCustody(Role role) {
        return role == Role.SUPERVISOR;
    }

    /**
     * @param role the actor's role as the store holds it; null when not an active account
     * @throws AuthException when {@code role} may not change custody; {@code actor} names who tried
     */
    public static void requireCustodian(String actor, Role role) {
        if (!mayChangeCustody(role)) {
            throw new AuthException("auth.notSupervisor", String.valueOf(actor));
        }
    }
}
