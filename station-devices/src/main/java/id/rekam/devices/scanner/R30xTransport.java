package id.rekam.devices.scanner;

import java.time.Duration;

/** Bytes to and from a module, with timeouts. Implementations: a serial port, an in-memory pipe. */
public interface R30xTransport extends AutoCloseable {

    /** A name for messages, e.g. the port path. */
    String name();

    void write(byte[] bytes) throws R30xException;

    /**
     * Reads exactly {@code count} bytes, waiting at most {@code timeout} for all of them.
     *
     * @throws R30xException.Timeout not all bytes arrived in time
     * @throws R30xException.Closed  the other side went away
     */
    byte[] read(int count, Duration timeout) throws R30xException;

    /** Drops whatever was received and not read yet, e.g. the tail of a garbled answer. */
    void discardInput() throws R30xException;

    /**
     * Drops bytes until none has arrived for {@code quiet}: unlike {@link #discardInput()} this
     * also swallows what a module is still sending, e.g. the rest of an image upload after a
     * corrupted packet. Returns how many arrived while waiting and were dropped.
     *
     * @throws R30xException.Protocol more than {@code limit} bytes kept coming (a babbling line)
     */
    default int drainUntilQuiet(Duration quiet, int limit) throws R30xException {
        discardInput();
        int dropped = 0;
        while (true) {
            try {
                read(1, quiet);
            } catch (R30xException.Timeout e) {
                return dropped;
            }
            if (++dropped > limit) {
                throw new R30xException.Protocol("line does not go quiet: more than " + limit + " bytes");
            }
        }
    }

    boolean isOpen();

    @Override
    void close();
}
