package id.rekam.core.cards;

/** The officer responsible for a destruction, as they sign the berita acara. {@code nip} may be empty. */
public record Official(String name, String position, String nip) {
}
