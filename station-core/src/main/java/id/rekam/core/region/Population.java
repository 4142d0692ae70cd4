package id.rekam.core.region;

/**
 * Registered residents of a region (pria, wanita, total) as published with the current
 * Kepmendagri list; the denominator for recording coverage.
 */
public record Population(long male, long female, long total) {

    public Population {
        if (male < 0 || female < 0 || total != male + female) {
            throw new IllegalArgumentException("population must be non-negative and total = male + female");
        }
    }
}
