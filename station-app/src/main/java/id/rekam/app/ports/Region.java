package id.rekam.app.ports;

/** A Kemendagri region: code (dotted) and name. */
public record Region(String code, String name) {

    @Override
    public String toString() {
        return name;
    }
}
