package id.rekam.core.domain;

/** Jenis kelamin as printed on the KTP-el. The NIK encodes it (women: day + 40). */
public enum Gender {
    LAKI_LAKI,
    PEREMPUAN
}
