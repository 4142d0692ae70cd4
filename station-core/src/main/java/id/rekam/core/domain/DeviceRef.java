package id.rekam.core.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * Which physical device made a capture and which office owns it, so that a capture made
 * with equipment borrowed from a neighbouring kecamatan can be traced. A simulated device
 * says so here and therefore in every capture's provenance. {@code loanId} names the open
 * loan (core {@code equipment}) under which a borrowed device was used; empty otherwise, and
 * then left out of the JSON so packets of unborrowed devices are unchanged.
 */
public record DeviceRef(String deviceId, String kind, String model, String serial, String ownerOffice, boolean simulated,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) String loanId) {

    public DeviceRef {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(kind, "kind");
        model = model == null ? "" : model;
        serial = serial == null ? "" : serial;
        ownerOffice = ownerOffice == null ? "" : ownerOffice;
        loanId = loanId == null ? "" : loanId;
    }

    /** A device used without a loan. */
    public DeviceRef(String deviceId, String kind, String model, String serial, String ownerOffice, boolean simulated) {
        this(deviceId, kind, model, serial, ownerOffice, simulated, "");
    }

    /** The same device, owned by {@code office} and used under {@code loan} (empty: no loan). */
    public DeviceRef onLoan(String office, String loan) {
        return new DeviceRef(deviceId, kind, model, serial, office, simulated, loan);
    }
}
