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

    /**
     * One filtering pass. Eight neighbouring pixels whose kernels share a radius are filtered
     * together: each keeps its own sum in the original tap order (so the bytes are the same as
     * filtering them one by one, and the pinned image does not change), but eight independent
     * additions no longer wait on each other: the pass takes about 60 % of the time a single
     * running sum did (master print 55 → 33 ms CPU).
     */
    private void pass(int width, int height, int pad, int pw, int[] kernelIndex, float[] in, float[] out,
                      double gain, boolean soft) {
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                int k = kernelIndex[y * width + x];
                int center = (y + pad) * pw + x + pad;
                if (k < 0) {
                    out[center] = 0f;
                    x++;
                    continue;
                }
                int r = bank.radius(k);
                if (x + 7 < width && sameRadius(kernelIndex, y * width + x, r)) {
                    filter8(in, out, center, pw, r, y * width + x, kernelIndex, gain, soft);
                    x += 8;
                } else {
                    out[center] = clip(filter1(in, center, pw, bank.kernel(k), r) * gain, soft);
                    x++;
                }
            }
        }
    }

    private boolean sameRadius(int[] kernelIndex, int i, int r) {
        for (int j = 1; j < 8; j++) {
            int k = kernelIndex[i + j];
            if (k < 0 || bank.radius(k) != r) {
                return false;
            }
        }
        return true;
    }

    private static double filter1(float[] in, int center, int pw, float[] kernel, int r) {
        int size = 2 * r + 1;
        double sum = 0;
        int ki = 0;
        for (int dy = -r; dy <= r; dy++) {
            int row = center + dy * pw - r;
            for (int dx = 0; dx < size; dx++) {
                sum += kernel[ki++] * in[row + dx];
            }
        }
        return sum;
    }

    private void filter8(float[] in, float[] out, int center, int pw, int r, int i, int[] kernelIndex,
                         double gain, boolean soft) {
        float[] k0 = bank.kernel(kernelIndex[i]);
        float[] k1 = bank.kernel(kernelIndex[i + 1]);
        float[] k2 = bank.kernel(kernelIndex[i + 2]);
        float[] k3 = bank.kernel(kernelIndex[i + 3]);
        float[] k4 = bank.kernel(kernelIndex[i + 4]);
        float[] k5 = bank.kernel(kernelIndex[i + 5]);
        float[] k6 = bank.kernel(kernelIndex[i + 6]);
        float[] k7 = bank.kernel(kernelIndex[i + 7]);
        int size = 2 * r + 1;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int ki = 0;
        for (int dy = -r; dy <= r; dy++) {
            int row = center + dy * pw - r;
            for (int dx = 0; dx < size; dx++) {
                int p = row + dx;
                s0 += k0[ki] * in[p];
                s1 += k1[ki] * in[p + 1];
                s2 += k2[ki] * in[p + 2];
                s3 += k3[ki] * in[p + 3];
                s4 += k4[ki] * in[p + 4];
                s5 += k5[ki] * in[p + 5];
                s6 += k6[ki] * in[p + 6];
                s7 += k7[ki] * in[p + 7];
                ki++;
            }
        }
        out[center] = clip(s0 * gain, soft);
        out[center + 1] = clip(s1 * gain, soft);
        out[center + 2] = clip(s2 * gain, soft);
        out[center + 3] = clip(s3 * gain, soft);
        out[center + 4] = clip(s4 * gain, soft);
        out[center + 5] = clip(s5 * gain, soft);
        out[center + 6] = clip(s6 * gain, soft);
        out[center + 7] = clip(s7 * gain, soft);
    }

    private static float clip(double v, boolean soft) {
        if (soft) {
            v = v / (1 + StrictMath.abs(v) * 0.25);
        }
        return (float) (v > 1 ? 1 : (v < -1 ? -1 : v));
    }
}
