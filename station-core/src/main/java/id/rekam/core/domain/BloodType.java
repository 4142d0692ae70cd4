package id.rekam.core.domain;

/** Golongan darah; UNKNOWN is printed as "-" on the card. It cannot be changed later. */
public enum BloodType {
    A("A"), B("B"), AB("AB"), O("O"),
    A_POS("A+"), A_NEG("A-"), B_POS("B+"), B_NEG("B-"),
    AB_POS("AB+"), AB_NEG("AB-"), O_POS("O+"), O_NEG("O-"),
    UNKNOWN("-");

    private final String printed;

    BloodType(String printed) {
        this.printed = printed;
    }

    /** The text as it appears on the card. */
    public String printed() {
        return printed;
    }
}
