package id.rekam.app.ui;

import id.rekam.core.domain.RegistrationId;

/**
 * The record's page as other screens open it (the NIK check at entry, the review step, the list):
 * they name the record, not the records package's controller, so enroll and records do not
 * depend on each other.
 */
public interface RecordPage {

    void open(RegistrationId id);
}
