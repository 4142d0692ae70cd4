package id.rekam.core.cards;

/** A person who watched the destruction, and the body they came from (e.g. Satpol PP, Inspektorat). */
public record Witness(String name, String position, String office) {
}
