package id.rekam.app.ports;

import id.rekam.core.auth.PassphrasePolicy;

import java.util.List;
import java.util.Optional;

/**
 * The technician's set-up of a station: its first run (office, central server and pin,
 * one-time code, store, first supervisor) and later its move to another office.
 */
public interface ProvisioningService {

    /**
     * @param stationId      {@code ST-<kecamatan digits>-NNNN}, the id the store is created with
     * @param districtCode   the office's kecamatan, {@code PP.KK.CC}
     * @param server         base URL of the central server ({@code https://} in production)
     * @param pin            {@code sha256/<base64>} of the server's public key; null only for plain http (demo, tests)
     * @param enrollmentCode the one-time code the central administrator issued for this office
     * @param deskName       how the server lists this station (e.g. "Meja 1")
     * @param eraseAfterFailures crypto-erase the station's keys after this many wrong passphrases in a
     *                       row (0 = never; else at least 5)
     * @param eraseEvenIfPending the supervisor's choice that this may happen while records still wait
     *                       for delivery (otherwise never then)
     */
    record Request(String stationId, String districtCode, String server, String pin, String enrollmentCode,
                   String deskName, int eraseAfterFailures, boolean eraseEvenIfPending) {

        /** Never erase after failed unlocks. */
        public Request(String stationId, String districtCode, String server, String pin, String enrollmentCode,
                       String deskName) {
            this(stationId, districtCode, server, pin, enrollmentCode, deskName, 0, false);
        }
    }

    /** The first id the server gives a station of this kecamatan; the wizard proposes it. */
    static String proposedStationId(String districtCode) {
        return "ST-" + districtCode.replace(".", "") + "-0001";
    }

    /**
     * What core's passphrase rule says of {@code passphrase} for the store {@link #firstRun} would
     * create under {@code stationId}: the store's own judgement, asked first so the wizard can say
     * why. Empty when the store will accept it.
     */
    default Optional<PassphrasePolicy.Weakness> passphraseWeakness(char[] passphrase, String stationId) {
        return PassphrasePolicy.weakness(passphrase, List.of(stationId == null ? "" : stationId));
    }

    /**
     * Creates the encrypted store under the requested station id (or, after a failed attempt,
     * reopens it with the same passphrase), registers it with the server and creates the
     * first supervisor.
     *
     * @return the store, unlocked
     */
    OpenStore firstRun(char[] passphrase, Request request, String supervisorId, char[] supervisorPassword)
            throws ProvisioningException;

    /** "Kecamatan X, Kota Y": how the header, receipts and the window title name the office. */
    default String officeName(String districtCode) throws ProvisioningException {
        return districtCode;
    }

    /**
     * Moves the unlocked station to another kecamatan; refused while any record lacks the
     * server's final verdict.
     *
     * @return the new office's name, for everything on screen that shows it
     */
    String reassign(String districtCode, String technician) throws ProvisioningException;
}
