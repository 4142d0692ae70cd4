package id.rekam.app.service;

/** A Kemendagri region: code (dotted) and name. */
public record Region(String code, String name) {

    @Override
    public String toString() {
        return name;
    }
}
