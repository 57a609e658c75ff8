package io.delineo.dicom.pixel;

/** YCbCr (full range, PS3.3 C.7.6.3.1.2 YBR_FULL, same equations as JPEG/JFIF) to RGB. */
public final class ColourConversion {
    private ColourConversion() {
    }

    /** Converts pixel-interleaved Y,Cb,Cr samples of the given bit depth to R,G,B in place (rounded, clipped). */
    public static void ybrFullToRgbInPlace(int[] samples, int bits) {
        int max = (1 << bits) - 1;
        double half = 1 << (bits - 1);
        for (int i = 0; i + 2 < samples.length; i += 3) {
            double y = samples[i];
            double cb = samples[i + 1] - half;
            double cr = samples[i + 2] - half;
            samples[i] = clip((int) Math.round(y + 1.402 * cr), max);
            samples[i + 1] = clip((int) Math.round(y - 0.344136 * cb - 0.714136 * cr), max);
            samples[i + 2] = clip((int) Math.round(y + 1.772 * cb), max);
        }
    }

    private static int clip(int v, int max) {
        return v < 0 ? 0 : Math.min(v, max);
    }
}
