package io.delineo.radiomics.processing;

import io.delineo.radiomics.settings.Discretisation;
import io.delineo.radiomics.settings.DiscretisationMethod;

/**
 * IBSI intensity discretisation. FBS: {@code floor((x - min)/w) + 1} with {@code min} the re-segmentation lower bound
 * when one is given, else the ROI minimum. FBN: {@code floor(N (x - min)/(max - min)) + 1}, with the maximum mapped to
 * N, using the ROI's own min and max. Without a rule the intensities must already be whole numbers &ge; 1.
 */
public final class Discretiser {
    private Discretiser() { }

    public static DiscretisedImage discretise(float[] image, boolean[] mask, Discretisation rule, double fixedMinimum) {
        int[] out = new int[image.length];
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        int count = 0;
        for (int i = 0; i < image.length; i++) {
            if (mask[i]) {
                min = Math.min(min, image[i]);
                max = Math.max(max, image[i]);
                count++;
            }
        }
        if (count == 0) throw new IllegalArgumentException("the intensity mask is empty after re-segmentation");
        int levels = 0;
        if (rule == null) {
            for (int i = 0; i < image.length; i++) {
                if (!mask[i]) continue;
                double v = image[i];
                if (v != Math.rint(v) || v < 1 || v > 1_000_000) {
                    throw new IllegalArgumentException("without a \"discretisation\" setting the ROI intensities must be "
                            + "whole numbers >= 1 (found " + v + "); add FBS or FBN discretisation");
                }
                out[i] = (int) v;
                levels = Math.max(levels, out[i]);
            }
            return new DiscretisedImage(out, levels, 0.5, 1);
        }
        if (rule.method() == DiscretisationMethod.FBS) {
            double w = rule.value();
            double lo = Double.isNaN(fixedMinimum) ? min : fixedMinimum;
            if ((max - lo) / w > 1_000_000) {
                throw new IllegalArgumentException("FBS bin width " + w + " gives more than a million bins");
            }
            for (int i = 0; i < image.length; i++) {
                if (!mask[i]) continue;
                int d = (int) Math.floor((image[i] - lo) / w) + 1;
                if (d < 1) {
                    throw new IllegalArgumentException("intensity " + image[i] + " lies below the FBS minimum " + lo);
                }
                out[i] = d;
                levels = Math.max(levels, d);
            }
            return new DiscretisedImage(out, levels, lo, w);
        }
        int nb = rule.binCount();
        double range = max - min;
        for (int i = 0; i < image.length; i++) {
            if (!mask[i]) continue;
            int d = range == 0 ? 1 : (image[i] >= max ? nb : (int) Math.floor(nb * (image[i] - min) / range) + 1);
            out[i] = Math.min(nb, Math.max(1, d));
            levels = Math.max(levels, out[i]);
        }
        return new DiscretisedImage(out, levels, min, range == 0 ? 1 : range / nb);
    }
}
