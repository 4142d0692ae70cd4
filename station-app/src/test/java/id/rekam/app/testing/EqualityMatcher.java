package id.rekam.app.testing;

import id.rekam.app.ports.FingerprintMatcher;

import java.util.Arrays;

/** TEST DOUBLE matcher: identical templates score 100, others 0. */
public final class EqualityMatcher implements FingerprintMatcher {

    @Override
    public double score(byte[] a, byte[] b) {
        return Arrays.equals(a, b) ? 100 : 0;
    }

    @Override
    public double threshold() {
        return 40;
    }
}
