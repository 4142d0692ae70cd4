package id.rekam.sync.http;

/**
 * SHA-256 of a request body the caller has already computed, attached as an OkHttp request tag
 * ({@code Request.Builder.tag(BodyDigest.class, ...)}) so {@link SigningInterceptor} need not
 * copy and hash a 100 KB chunk again. Only for bodies built in the same call as the tag.
 */
public record BodyDigest(byte[] sha256) {

    public BodyDigest {
        if (sha256 == null || sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 has 32 bytes");
        }
        sha256 = sha256.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }
}
