package id.rekam.core.cards;

/** Who keeps an assigned card until hand-over: a service desk or a named officer. */
public enum HolderKind {
    DESK,
    OFFICER
}
