package id.rekam.devices.fingerprint.synth;

/**
 * Grows a ridge pattern from a few seeds by iterated contextual Gabor filtering
 * (SFinGe): each pass filters every pixel with the kernel tuned to the local orientation
 * and ridge period, amplifies and clips to [−1, 1]. Ridges spread from the seeds along
 * the flow; where fronts of different phase meet, endings and bifurcations appear, which
 * is what makes each synthetic finger's minutiae unique.
 */
final class RidgeGrower {

    private static final double GAIN = 2.2;

    private final GaborBank bank = GaborBank.shared();

    /**
     * @param kernelIndex per pixel, the {@link GaborBank} kernel to use, or −1 outside the finger
     * @param start       initial pattern (seeds), modified in place
     * @return the grown pattern, values in [−1, 1], 0 outside the finger
     */
    float[] grow(int width, int height, int[] kernelIndex, float[] start, int iterations) {
        int pad = bank.maxRadius();
        int pw = width + 2 * pad;
        int ph = height + 2 * pad;
        float[] a = new float[pw * ph];
        float[] b = new float[pw * ph];
        for (int y = 0; y < height; y++) {
            System.arraycopy(start, y * width, a, (y + pad) * pw + pad, width);
        }
        for (int it = 0; it < iterations; it++) {
            boolean last = it == iterations - 1;
            // The last pass is not clipped hard, leaving smooth ridge profiles to upsample.
            pass(width, height, pad, pw, kernelIndex, a, b, last ? 1.0 : GAIN, last);
            float[] t = a;
            a = b;
            b = t;
        }
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(a, (y + pad) * pw + pad, out, y * width, width);
        }
        return out;
    }

    private void pass(int width, int height, int pad, int pw, int[] kernelIndex, float[] in, float[] out,
                      double gain, boolean soft) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int k = kernelIndex[y * width + x];
                int center = (y + pad) * pw + x + pad;
                if (k < 0) {
                    out[center] = 0f;
                    continue;
                }
                float[] kernel = bank.kernel(k);
                int r = bank.radius(k);
                int size = 2 * r + 1;
                double sum = 0;
                int ki = 0;
                for (int dy = -r; dy <= r; dy++) {
                    int row = center + dy * pw - r;
                    for (int dx = 0; dx < size; dx++) {
                        sum += kernel[ki++] * in[row + dx];
                    }
                }
                double v = sum * gain;
                if (soft) {
                    v = v / (1 + StrictMath.abs(v) * 0.25);
                }
                out[center] = (float) (v > 1 ? 1 : (v < -1 ? -1 : v));
            }
        }
    }
}
