package id.rekam.core.io;

import javax.imageio.ImageIO;

/**
 * Keeps ImageIO from caching image streams on disk. Its default writes every image read from or
 * written to a stream into a temporary file in {@code java.io.tmpdir} first: the citizen's photo
 * and signature, the hand-over photo, fingerprint images, in clear, in a directory every local
 * user can list and that nothing cleans up after a crash. Images here are small and live in
 * memory anyway, so the memory cache costs nothing.
 *
 * <p>Called as early as possible (the station's {@code Main}) and again by every class that hands
 * images to ImageIO, so command lines and tests that start elsewhere are covered too.
 */
public final class ImageIoCache {

    private ImageIoCache() {
    }

    /** Idempotent and cheap. */
    public static void off() {
        if (ImageIO.getUseCache()) {
            ImageIO.setUseCache(false);
        }
    }
}
