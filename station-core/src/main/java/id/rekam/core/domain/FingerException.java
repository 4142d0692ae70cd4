package id.rekam.core.domain;

/** Why a finger slot holds no print. */
public enum FingerException {
    MISSING,
    AMPUTATED,
    BANDAGED,
    UNREADABLE
}
