package id.rekam.core.crypto;

/** The passphrase did not unwrap the station's keys (the store reports this to users). */
public class KeyUnwrapException extends Exception {

    public KeyUnwrapException() {
        super("the passphrase does not unwrap the key ring");
    }
}
