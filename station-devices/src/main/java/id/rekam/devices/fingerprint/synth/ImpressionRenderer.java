package id.rekam.devices.fingerprint.synth;

import id.rekam.devices.fingerprint.GrayImage;

/**
 * Takes one impression of a master print the way a finger meets an optical sensor: the
 * finger lands displaced and rotated, the skin stretches non-linearly outside the area
 * of firm contact (after Cappelli's plastic distortion model: no distortion in the
 * centre, growing towards the edge), pressure and skin moisture make ridges thicker or
 * thinner and break dry ridges up, and the sensor adds noise and optical blur.
 */
final class ImpressionRenderer {

    GrayImage render(MasterFingerprint master, Rng rng, int width, int height, double dpi) {
        double rotation = StrictMath.toRadians(clamp(rng.gaussian() * 7, -15, 15));
        double shiftX = clamp(rng.gaussian() * 10, -25, 25);
        double shiftY = clamp(rng.gaussian() * 12, -30, 30);
        double cos = StrictMath.cos(rotation);
        double sin = StrictMath.sin(rotation);
        double originX = master.centerX() + shiftX;
        double originY = master.centerY() + shiftY;

        // Plastic distortion: a smooth displacement, zero inside the contact core.
        double distortAmp = rng.uniform(2, 7);
        double distortDir = rng.uniform(0, 2 * StrictMath.PI);
        double distortX = distortAmp * StrictMath.cos(distortDir);
        double distortY = distortAmp * StrictMath.sin(distortDir);
        double[] wave = new double[8];
        for (int i = 0; i < 2; i++) {
            double wl = rng.uniform(120, 260);
            double dir = rng.uniform(0, 2 * StrictMath.PI);
            wave[4 * i] = 2 * StrictMath.PI / wl * StrictMath.cos(dir);
            wave[4 * i + 1] = 2 * StrictMath.PI / wl * StrictMath.sin(dir);
            wave[4 * i + 2] = rng.uniform(0, 2 * StrictMath.PI);
            wave[4 * i + 3] = rng.uniform(1, 3);
        }
        double rigid = rng.uniform(40, 70);
        double elastic = rng.uniform(90, 140);

        // Contact region on the sensor: an ellipse a little smaller than the window.
        double contactX = width / 2.0 + rng.gaussian() * 6;
        double contactY = height / 2.0 + rng.gaussian() * 8;
        double contactA = width * rng.uniform(0.50, 0.62);
        double contactB = height * rng.uniform(0.50, 0.62);

        // Pressure and moisture: threshold > 0 thins ridges (dry, light touch), < 0 thickens.
        double pressure = rng.uniform(-0.28, 0.22);
        double dryness = StrictMath.max(0, rng.uniform(-0.3, 0.6));
        double[] moist = {rng.uniform(60, 140), rng.uniform(0, 2 * StrictMath.PI), rng.uniform(0, 2 * StrictMath.PI)};
        double background = rng.uniform(200, 236);
        double ridgeGray = rng.uniform(25, 80);
        double noise = rng.uniform(3, 8);
        int blurPasses = 1 + rng.nextInt(2);

        double[] image = new double[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = x - width / 2.0;
                double v = y - height / 2.0;
                double mx = originX + cos * u - sin * v;
                double my = originY + sin * u + cos * v;
                double r = StrictMath.sqrt((x - contactX) * (x - contactX) + (y - contactY) * (y - contactY));
                double ramp = smoothstep(rigid, rigid + elastic, r);
                double dx = distortX;
                double dy = distortY;
                for (int i = 0; i < 2; i++) {
                    double s = wave[4 * i + 3] * StrictMath.sin(wave[4 * i] * x + wave[4 * i + 1] * y + wave[4 * i + 2]);
                    dx += s;
                    dy += s * 0.7;
                }
                mx += dx * ramp;
                my += dy * ramp;

                double ridge = master.ridgeAt(mx, my);
                double finger = master.maskAt(mx, my);
                double ce = ((x - contactX) * (x - contactX)) / (contactA * contactA)
                        + ((y - contactY) * (y - contactY)) / (contactB * contactB);
                double contact = 1 - smoothstep(0.85, 1.15, ce);

                double threshold = pressure + 0.12 * StrictMath.sin(x / moist[0] * 2 * StrictMath.PI + moist[1])
                        * StrictMath.cos(y / moist[0] * 2 * StrictMath.PI + moist[2]);
                // Light contact near the edge of the pad prints ridges thinner.
                threshold += 0.35 * (1 - contact);
                double speckle = dryness * (rng.uniform() - 0.5) * 1.2;
                double dark = smoothstep(-0.35, 0.35, ridge - threshold + speckle);
                double ink = dark * finger * contact;
                image[y * width + x] = background - (background - ridgeGray) * ink + rng.gaussian() * noise;
            }
        }
        for (int p = 0; p < blurPasses; p++) {
            image = blur(image, width, height);
        }
        byte[] pixels = new byte[width * height];
        for (int i = 0; i < pixels.length; i++) {
            long g = StrictMath.round(image[i]);
            pixels[i] = (byte) (g < 0 ? 0 : (g > 255 ? 255 : g));
        }
        return new GrayImage(width, height, pixels, dpi);
    }

    /** Binomial 3×3 blur: the optics of a cheap prism sensor are a little soft. */
    private static double[] blur(double[] in, int w, int h) {
        double[] tmp = new double[in.length];
        double[] out = new double[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int l = Math.max(0, x - 1);
                int r = Math.min(w - 1, x + 1);
                tmp[y * w + x] = 0.25 * in[y * w + l] + 0.5 * in[y * w + x] + 0.25 * in[y * w + r];
            }
        }
        for (int y = 0; y < h; y++) {
            int t = Math.max(0, y - 1);
            int b = Math.min(h - 1, y + 1);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = 0.25 * tmp[t * w + x] + 0.5 * tmp[y * w + x] + 0.25 * tmp[b * w + x];
            }
        }
        return out;
    }

    private static double smoothstep(double edge0, double edge1, double x) {
        double t = clamp((x - edge0) / (edge1 - edge0), 0, 1);
        return t * t * (3 - 2 * t);
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }
}
