package id.rekam.app.enroll;

/** One step of the enrollment wizard. */
public interface Step {

    void bind(EnrollmentSession session, EnrollController wizard);

    /** Called each time the step is shown (e.g. start the camera). */
    default void onShow() {
    }

    /** Called each time the step is left (e.g. stop the camera). */
    default void onHide() {
    }

    /** Whether the step is complete (drives the tick in the step list). */
    boolean done();
}
