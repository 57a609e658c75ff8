package io.delineo.radiomics;

import io.delineo.imaging.Volume;
import io.delineo.radiomics.features.intensity.IntensityHistogram;
import io.delineo.radiomics.features.intensity.IntensityStatistics;
import io.delineo.radiomics.features.intensity.IntensityVolumeHistogram;
import io.delineo.radiomics.features.intensity.LocalIntensity;
import io.delineo.radiomics.features.morphology.Morphology;
import io.delineo.radiomics.features.texture.TextureFeatures;
import io.delineo.radiomics.features.texture.TextureVolume;
import io.delineo.radiomics.processing.DiscretisedImage;
import io.delineo.radiomics.processing.Discretiser;
import io.delineo.radiomics.processing.LaplacianOfGaussian;
import io.delineo.radiomics.processing.PreparedRoi;
import io.delineo.radiomics.processing.Preprocessor;
import io.delineo.radiomics.settings.Discretisation;
import io.delineo.radiomics.settings.DiscretisationMethod;
import io.delineo.radiomics.settings.FilterSpec;
import io.delineo.radiomics.settings.RadiomicsSettings;
import io.delineo.radiomics.settings.Resegmentation;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The feature engine: IBSI chapter 1 processing of an image and ROI under one {@link RadiomicsSettings}, then every
 * feature family. Column names are IBSI codes with an aggregation suffix where a family has several
 * ({@link Aggregation}); features of filtered images carry the filter prefix, e.g. {@code LoG_s2mm_Q4LE}.
 *
 * <p>Filtered images (IBSI chapter 2 conventions): morphology is computed once, on the unfiltered ROI; the intensity
 * mask (re-segmentation) of the unfiltered image is reused; filter responses have arbitrary units, so they are
 * discretised with fixed bin number - the base setting's bin count when it is FBN, else 32 bins - and their IVH
 * uses FBN with 1000 bins.
 */
public final class RadiomicsExtractor {
    /** Bins for filtered images when the base discretisation is FBS or absent. */
    public static final int FILTERED_DEFAULT_BINS = 32;
    /** IVH bins for arbitrary-unit (filtered) images, as IBSI recommends. */
    public static final int FILTERED_IVH_BINS = 1000;

    private final Set<FeatureFamily> families;

    public RadiomicsExtractor() { this(EnumSet.allOf(FeatureFamily.class)); }

    /** An extractor limited to some families (e.g. for quick previews). */
    public RadiomicsExtractor(Set<FeatureFamily> families) {
        if (families == null || families.isEmpty()) throw new IllegalArgumentException("choose at least one family");
        this.families = EnumSet.copyOf(families);
    }

    public FeatureResult extract(Volume image, RoiMask roi, RadiomicsSettings settings) {
        if (settings == null) throw new IllegalArgumentException("settings are required");
        double margin = LocalIntensity.RADIUS_MM;
        for (FilterSpec f : settings.filters()) margin = Math.max(margin, LaplacianOfGaussian.TRUNCATE * f.sigmaMm());
        margin += LocalIntensity.RADIUS_MM;
        PreparedRoi base = Preprocessor.prepare(image, roi, settings, margin);
        Map<String, Double> out = new LinkedHashMap<>();
        if (families.contains(FeatureFamily.MORPHOLOGY)) out.putAll(Morphology.compute(base));
        Resegmentation rs = settings.resegmentation().orElse(null);
        double lower = rs != null && rs.hasRange() ? rs.lower() : Double.NaN;
        double upper = rs != null && rs.hasRange() ? rs.upper() : Double.NaN;
        intensityAndTexture(base, settings.discretisation().orElse(null), settings.ivhDiscretisation().orElse(null),
                lower, upper, settings, "", out);
        int[] region = responseRegion(base);
        for (FilterSpec f : settings.filters()) {
            float[] response = LaplacianOfGaussian.apply(base.image, base.nx, base.ny, base.nz, base.sx, base.sy,
                    base.sz, f.sigmaMm(), region);
            Discretisation d = settings.discretisation()
                    .filter(x -> x.method() == DiscretisationMethod.FBN)
                    .orElse(new Discretisation(DiscretisationMethod.FBN, FILTERED_DEFAULT_BINS));
            intensityAndTexture(base.withImage(response), d, new Discretisation(DiscretisationMethod.FBN,
                    FILTERED_IVH_BINS), Double.NaN, Double.NaN, settings, f.columnPrefix(), out);
        }
        return new FeatureResult(out, settings.sha256(), SoftwareVersion.ENGINE);
    }

    /** Where filter responses are read: the ROI's bounding box plus the local-intensity sphere radius. */
    static int[] responseRegion(PreparedRoi p) {
        int[] r = {p.nx, p.ny, p.nz, -1, -1, -1};
        for (int z = 0; z < p.nz; z++) for (int y = 0; y < p.ny; y++) for (int x = 0; x < p.nx; x++) {
            if (!p.morphMask[p.index(x, y, z)]) continue;
            r[0] = Math.min(r[0], x); r[1] = Math.min(r[1], y); r[2] = Math.min(r[2], z);
            r[3] = Math.max(r[3], x); r[4] = Math.max(r[4], y); r[5] = Math.max(r[5], z);
        }
        double[] sp = {p.sx, p.sy, p.sz};
        int[] n = {p.nx, p.ny, p.nz};
        for (int a = 0; a < 3; a++) {
            int m = (int) Math.ceil(LocalIntensity.RADIUS_MM / sp[a]) + 1;
            r[a] = Math.max(0, r[a] - m);
            r[a + 3] = Math.min(n[a] - 1, r[a + 3] + m);
        }
        return r;
    }

    public FeatureResult extract(Volume image, boolean[] roi, RadiomicsSettings settings) {
        return extract(image, RoiMask.of(image.grid(), roi), settings);
    }

    /** Entry point for other mask representations (e.g. a bit-packed mask): asked once per linear voxel index. */
    public FeatureResult extract(Volume image, IntPredicate roi, RadiomicsSettings settings) {
        return extract(image, RoiMask.fromPredicate(image.grid(), roi), settings);
    }

    private void intensityAndTexture(PreparedRoi roi, Discretisation discretisation, Discretisation ivh,
                                     double lower, double upper, RadiomicsSettings settings, String prefix,
                                     Map<String, Double> out) {
        int n = roi.intensityCount();
        if (n == 0) throw new IllegalArgumentException("no ROI voxels are left after re-segmentation");
        double[] values = new double[n];
        int k = 0;
        for (int i = 0; i < roi.size(); i++) if (roi.intensityMask[i]) values[k++] = roi.image[i];
        if (families.contains(FeatureFamily.LOCAL_INTENSITY)) {
            double[] peaks = LocalIntensity.compute(roi, roi.image);
            out.put(prefix + LocalIntensity.LOCAL_PEAK.columnCode(), peaks[0]);
            out.put(prefix + LocalIntensity.GLOBAL_PEAK.columnCode(), peaks[1]);
        }
        if (families.contains(FeatureFamily.INTENSITY_STATISTICS)) {
            IntensityStatistics.Stats st = new IntensityStatistics.Stats(values);
            for (IntensityStatistics f : IntensityStatistics.values()) out.put(prefix + f.columnCode(), f.compute(st));
        }
        boolean needLevels = families.contains(FeatureFamily.INTENSITY_HISTOGRAM)
                || families.stream().anyMatch(TextureFeatures.all()::contains);
        if (needLevels) {
            DiscretisedImage d = Discretiser.discretise(roi.image, roi.intensityMask, discretisation, lower);
            if (families.contains(FeatureFamily.INTENSITY_HISTOGRAM)) {
                int[] lv = new int[n];
                k = 0;
                for (int i = 0; i < roi.size(); i++) if (roi.intensityMask[i]) lv[k++] = d.levels()[i];
                IntensityHistogram.Hist h = new IntensityHistogram.Hist(lv, d.levelCount());
                for (IntensityHistogram f : IntensityHistogram.values()) out.put(prefix + f.columnCode(), f.compute(h));
            }
            Set<FeatureFamily> tex = EnumSet.copyOf(TextureFeatures.all());
            tex.retainAll(families);
            if (!tex.isEmpty()) {
                TextureVolume tv = new TextureVolume(roi, d.levels(), d.levelCount());
                Map<String, Double> t = TextureFeatures.compute(tv, settings.dimensions(), tex);
                t.forEach((key, v) -> out.put(prefix + key, v));
            }
        }
        if (families.contains(FeatureFamily.INTENSITY_VOLUME_HISTOGRAM)) {
            IntensityVolumeHistogram.Curve c = ivhCurve(roi, values, ivh, lower, upper);
            for (IntensityVolumeHistogram f : IntensityVolumeHistogram.values()) {
                out.put(prefix + f.columnCode(), f.compute(c));
            }
        }
    }

    /** The IVH per IBSI: discrete calibrated values as they are, FBS bin centres, or FBN bin numbers. */
    static IntensityVolumeHistogram.Curve ivhCurve(PreparedRoi roi, double[] values, Discretisation ivh,
                                                   double lower, double upper) {
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (ivh == null) {
            double gMin = Double.isNaN(lower) ? min : lower, gMax = Double.isNaN(upper) ? max : upper;
            return new IntensityVolumeHistogram.Curve(values, gMin, gMax, 1);
        }
        DiscretisedImage d = Discretiser.discretise(roi.image, roi.intensityMask, ivh, lower);
        double[] dv = new double[values.length];
        int k = 0;
        for (int i = 0; i < roi.size(); i++) if (roi.intensityMask[i]) dv[k++] = d.levels()[i];
        if (ivh.method() == DiscretisationMethod.FBN) {
            return new IntensityVolumeHistogram.Curve(dv, 1, ivh.binCount(), 1);
        }
        double w = ivh.value(), xMin = d.minimum(), xMax = Double.isNaN(upper) ? max : upper;
        for (int i = 0; i < dv.length; i++) dv[i] = xMin + (dv[i] - 0.5) * w;
        // IBSI: G = [xMin + w/2, xMax - w/2] on the bin-centre lattice
        double gMin = xMin + 0.5 * w;
        double gMax = gMin + Math.max(0, Math.floor((xMax - 0.5 * w - gMin) / w + 1e-9)) * w;
        return new IntensityVolumeHistogram.Curve(dv, gMin, gMax, w);
    }
}
