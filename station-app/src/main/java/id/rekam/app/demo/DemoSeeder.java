package id.rekam.app.demo;

import id.rekam.core.auth.Role;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.store.StationStore;
import id.rekam.fixtures.DemoRecords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Demo mode only: a fresh station gets two accounts (shown on the login screen) and a few
 * fictitious records in different states, so every screen has something to show.
 */
public final class DemoSeeder {

    public static final String SUPERVISOR = "supervisor";
    public static final String SUPERVISOR_PASSWORD = "supervisor-demo";
    public static final String OPERATOR = "operator1";
    public static final String OPERATOR_PASSWORD = "operator-demo";
    static final int RECORDS = 12;

    private DemoSeeder() {
    }

    /** Seeds an empty store; does nothing when the store already has accounts. */
    public static void seed(StationStore store, String villageCode) {
        if (store.operators().supervisorExists()) {
            return;
        }
        store.operators().createFirstSupervisor(SUPERVISOR, SUPERVISOR_PASSWORD.toCharArray());
        store.operators().createAccount(SUPERVISOR, OPERATOR, Role.OPERATOR, OPERATOR_PASSWORD.toCharArray());
        DemoRecords demo = new DemoRecords(2026, villageCode, store.stationId());
        // Saved in the order they were (fictitiously) captured: the records list shows the
        // newest saved first, and a list whose times jump back and forth looked unsorted.
        List<EnrollmentRecord> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(demo.next());
        }
        records.sort(Comparator.comparing(EnrollmentRecord::createdAt));
        for (int i = 0; i < RECORDS; i++) {
            var saved = store.saveEnrollment(records.get(i));
            // Two thirds approved (waiting for sync), the rest waiting for the supervisor.
            if (i % 3 != 0) {
                store.outbox().approve(List.of(saved.packetId()), SUPERVISOR);
            }
        }
    }
}
