package id.rekam.core.cards;

import id.rekam.core.domain.Nik;

/** The owner of a personalised card, decrypted on demand. {@code fullName} is null when the record is not on this station. */
public record CardOwner(Nik nik, String fullName) {

    @Override
    public String toString() {
        return "CardOwner[" + nik.masked() + "]";
    }
}
