package id.rekam.core.domain;

/** Kewarganegaraan: WNI (citizen) or WNA (foreign resident holding a KTP-el). */
public enum Citizenship {
    WNI,
    WNA
}
