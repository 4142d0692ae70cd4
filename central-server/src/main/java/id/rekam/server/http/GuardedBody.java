package id.rekam.server.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body whose every read runs under the exchange's {@link ExchangeGuard}. */
final class GuardedBody extends FilterInputStream {

    private final ExchangeGuard guard;

    GuardedBody(InputStream in, ExchangeGuard guard) {
        super(in);
        this.guard = guard;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        guard.beforeRead();
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            // Cut by the guard (the channel is closed now): say so rather than "connection reset".
            guard.afterRead(-1);
            throw e;
        }
        guard.afterRead(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(8192, Math.max(n, 1))];
        int r = read(buf, 0, (int) Math.min(buf.length, n));
        return Math.max(r, 0);
    }
}
