package id.rekam.devices.fingerprint.synth;

/**
 * SIMULATED scanners only: whose finger the next placement on the sensor is. A real sensor reads
 * whatever finger lies on it; a simulator must be told, or every placement would be a stranger's
 * finger and a 1:1 match at card hand-over could never succeed in demo mode.
 */
public interface SimulatedSubject {

    /**
     * @param person a stable key of the person (the desk uses the NIK)
     * @param finger the finger's ISO position code, 1–10
     */
    void present(String person, int finger);
}
