package id.rekam.app.ports;

/** The three numbers on the home screen. */
public record Counters(int capturedToday, int waitingSync, int waitingApproval) {
}
