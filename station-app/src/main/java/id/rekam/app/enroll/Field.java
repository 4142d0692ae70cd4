package id.rekam.app.enroll;

/** The biodata fields of the form, in Tab order. The names are the draft's keys and the bundle's {@code field.*} keys. */
public enum Field {
    NIK, FULL_NAME, BIRTH_PLACE, BIRTH_DATE, GENDER, BLOOD_TYPE,
    RELIGION, MARITAL_STATUS, OCCUPATION, CITIZENSHIP,
    STREET, RT, RW, PROVINCE, REGENCY, DISTRICT, VILLAGE;

    public String key() {
        return "field." + name();
    }
}
