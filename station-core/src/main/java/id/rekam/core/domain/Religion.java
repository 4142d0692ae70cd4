package id.rekam.core.domain;

/**
 * Agama. Since the Constitutional Court ruling 97/PUU-XIV/2016 adherents of a belief
 * are recorded as "Kepercayaan terhadap Tuhan YME", so it is a first-class value.
 */
public enum Religion {
    ISLAM,
    KRISTEN,
    KATOLIK,
    HINDU,
    BUDDHA,
    KHONGHUCU,
    KEPERCAYAAN_TERHADAP_TUHAN_YME
}
