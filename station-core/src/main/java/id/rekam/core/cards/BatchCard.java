package id.rekam.core.cards;

import id.rekam.core.domain.Nik;

import java.util.Objects;

/** One line of a batch's delivery list: the card serial and, for a personalised card, its owner's NIK. */
public record BatchCard(String serial, Nik owner) {

    public BatchCard {
        Objects.requireNonNull(serial, "serial");
    }

    public static BatchCard of(String serial, String nik) {
        return new BatchCard(serial, nik == null ? null : Nik.of(nik));
    }
}
