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

    boolean isOpen();

    @Override
    void close();
}
