package io.delineo.radiomics.features.texture;

import io.delineo.radiomics.Aggregation;
import io.delineo.radiomics.FeatureFamily;
import io.delineo.radiomics.settings.Dimensions;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the six texture families with the IBSI aggregations for the chosen dimensionality: 2D settings give
 * 2D and 2.5D aggregations, 3D settings the 3D ones. Columns are {@code <IBSI code><aggregation suffix>}.
 */
public final class TextureFeatures {
    private TextureFeatures() { }

    public static Map<String, Double> compute(TextureVolume v, Dimensions dims, Set<FeatureFamily> families) {
        Map<String, Double> out = new LinkedHashMap<>();
        boolean planar = dims == Dimensions.D2;
        if (families.contains(FeatureFamily.GLCM)) glcm(v, planar, out);
        if (families.contains(FeatureFamily.GLRLM)) glrlm(v, planar, out);
        if (families.contains(FeatureFamily.GLSZM) || families.contains(FeatureFamily.GLDZM)) {
            zones(v, planar, out, families);
        }
        if (families.contains(FeatureFamily.NGTDM)) ngtdm(v, planar, out);
        if (families.contains(FeatureFamily.NGLDM)) ngldm(v, planar, out);
        return out;
    }

    public static Set<FeatureFamily> all() {
        return EnumSet.of(FeatureFamily.GLCM, FeatureFamily.GLRLM, FeatureFamily.GLSZM, FeatureFamily.GLDZM,
                FeatureFamily.NGTDM, FeatureFamily.NGLDM);
    }

    private static List<Integer> slices(TextureVolume v) {
        List<Integer> zs = new ArrayList<>();
        for (int z = 1; z < v.nz - 1; z++) if (v.sliceCount(z) > 0) zs.add(z);
        return zs;
    }

    // ---- GLCM ----

    private static void glcm(TextureVolume v, boolean planar, Map<String, Double> out) {
        GlcmFeature[] fs = GlcmFeature.values();
        if (!planar) {
            List<double[]> per = List.of(TextureMatrices.glcms(v, TextureVolume.DIRECTIONS_3D, 1, v.nz - 2));
            putGlcm(out, fs, Aggregation.D3_AVG, averageGlcm(per, v.ng, fs));
            putGlcm(out, fs, Aggregation.D3_MRG, glcmFeatures(sum(per), v.ng, fs));
            return;
        }
        List<Integer> zs = slices(v);
        int nd = TextureVolume.DIRECTIONS_2D.length;
        double[][][] m = new double[zs.size()][nd][];
        for (int s = 0; s < zs.size(); s++) m[s] = TextureMatrices.glcms(v, TextureVolume.DIRECTIONS_2D, zs.get(s), zs.get(s));
        List<double[]> all = new ArrayList<>();
        List<double[]> perSlice = new ArrayList<>();
        List<double[]> perDir = new ArrayList<>();
        for (int s = 0; s < zs.size(); s++) {
            List<double[]> dirs = new ArrayList<>();
            for (int d = 0; d < nd; d++) {
                all.add(m[s][d]);
                dirs.add(m[s][d]);
            }
            perSlice.add(sum(dirs));
        }
        for (int d = 0; d < nd; d++) {
            List<double[]> sl = new ArrayList<>();
            for (int s = 0; s < zs.size(); s++) sl.add(m[s][d]);
            perDir.add(sum(sl));
        }
        putGlcm(out, fs, Aggregation.D2_AVG, averageGlcm(all, v.ng, fs));
        putGlcm(out, fs, Aggregation.D2_SMRG, averageGlcm(perSlice, v.ng, fs));
        putGlcm(out, fs, Aggregation.D25_DMRG, averageGlcm(perDir, v.ng, fs));
        putGlcm(out, fs, Aggregation.D25_VMRG, glcmFeatures(sum(all), v.ng, fs));
    }

    private static double[] glcmFeatures(double[] counts, int ng, GlcmFeature[] fs) {
        double[] r = new double[fs.length];
        double total = 0;
        for (double c : counts) total += c;
        if (total == 0) {
            java.util.Arrays.fill(r, Double.NaN);
            return r;
        }
        GlcmFeature.Glcm g = new GlcmFeature.Glcm(counts, ng);
        for (int f = 0; f < fs.length; f++) r[f] = fs[f].compute(g);
        return r;
    }

    private static double[] averageGlcm(List<double[]> ms, int ng, GlcmFeature[] fs) {
        List<double[]> rows = new ArrayList<>();
        for (double[] m : ms) {
            double t = 0;
            for (double c : m) t += c;
            if (t > 0) rows.add(glcmFeatures(m, ng, fs));
        }
        return mean(rows, fs.length);
    }

    private static void putGlcm(Map<String, Double> out, GlcmFeature[] fs, Aggregation a, double[] vals) {
        for (int f = 0; f < fs.length; f++) out.put(fs[f].columnCode() + a.suffix(), vals[f]);
    }

    private static double[] sum(List<double[]> ms) {
        double[] s = new double[ms.get(0).length];
        for (double[] m : ms) for (int i = 0; i < s.length; i++) s[i] += m[i];
        return s;
    }

    // ---- GLRLM ----

    private static void glrlm(TextureVolume v, boolean planar, Map<String, Double> out) {
        GlrlmFeature[] fs = GlrlmFeature.values();
        SizeStatistic[] st = new SizeStatistic[fs.length];
        for (int i = 0; i < fs.length; i++) st[i] = fs[i].statistic;
        if (!planar) {
            List<CountMatrix> per = new ArrayList<>();
            for (int[] d : TextureVolume.DIRECTIONS_3D) per.add(TextureMatrices.glrlm(v, d, 1, v.nz - 2));
            put(out, fs, Aggregation.D3_AVG, averageSizes(per, st));
            put(out, fs, Aggregation.D3_MRG, sizeFeatures(CountMatrix.merge(per), st));
            return;
        }
        List<Integer> zs = slices(v);
        int nd = TextureVolume.DIRECTIONS_2D.length;
        CountMatrix[][] m = new CountMatrix[zs.size()][nd];
        for (int s = 0; s < zs.size(); s++) {
            for (int d = 0; d < nd; d++) m[s][d] = TextureMatrices.glrlm(v, TextureVolume.DIRECTIONS_2D[d], zs.get(s), zs.get(s));
        }
        List<CountMatrix> all = new ArrayList<>(), perSlice = new ArrayList<>(), perDir = new ArrayList<>();
        for (int s = 0; s < zs.size(); s++) {
            List<CountMatrix> dirs = new ArrayList<>(List.of(m[s]));
            all.addAll(dirs);
            perSlice.add(CountMatrix.merge(dirs));
        }
        for (int d = 0; d < nd; d++) {
            List<CountMatrix> sl = new ArrayList<>();
            for (int s = 0; s < zs.size(); s++) sl.add(m[s][d]);
            perDir.add(CountMatrix.merge(sl));
        }
        put(out, fs, Aggregation.D2_AVG, averageSizes(all, st));
        put(out, fs, Aggregation.D2_SMRG, averageSizes(perSlice, st));
        put(out, fs, Aggregation.D25_DMRG, averageSizes(perDir, st));
        put(out, fs, Aggregation.D25_VMRG, sizeFeatures(CountMatrix.merge(all), st));
    }

    // ---- GLSZM and GLDZM ----

    private static void zones(TextureVolume v, boolean planar, Map<String, Double> out, Set<FeatureFamily> families) {
        boolean szm = families.contains(FeatureFamily.GLSZM), dzm = families.contains(FeatureFamily.GLDZM);
        int[] dist = dzm ? TextureMatrices.distanceMap(v, planar) : null;
        GlszmFeature[] sf = GlszmFeature.values();
        GldzmFeature[] df = GldzmFeature.values();
        SizeStatistic[] ss = new SizeStatistic[sf.length], ds = new SizeStatistic[df.length];
        for (int i = 0; i < sf.length; i++) ss[i] = sf[i].statistic;
        for (int i = 0; i < df.length; i++) ds[i] = df[i].statistic;
        Map<String, Double> dzmOut = new LinkedHashMap<>();
        if (!planar) {
            CountMatrix[] z = TextureMatrices.zones(v, 1, v.nz - 2, false, dist);
            if (szm) put(out, sf, Aggregation.D3, sizeFeatures(z[0], ss));
            if (dzm) put(dzmOut, df, Aggregation.D3, sizeFeatures(z[1], ds));
        } else {
            List<CountMatrix> sizes = new ArrayList<>(), dists = new ArrayList<>();
            for (int z : slices(v)) {
                CountMatrix[] m = TextureMatrices.zones(v, z, z, true, dist);
                sizes.add(m[0]);
                dists.add(m[1]);
            }
            if (szm) {
                put(out, sf, Aggregation.D2_AVG, averageSizes(sizes, ss));
                put(out, sf, Aggregation.D25_VMRG, sizeFeatures(CountMatrix.merge(sizes), ss));
            }
            if (dzm) {
                put(dzmOut, df, Aggregation.D2_AVG, averageSizes(dists, ds));
                put(dzmOut, df, Aggregation.D25_VMRG, sizeFeatures(CountMatrix.merge(dists), ds));
            }
        }
        out.putAll(dzmOut);
    }

    // ---- NGTDM ----

    private static void ngtdm(TextureVolume v, boolean planar, Map<String, Double> out) {
        NgtdmFeature[] fs = NgtdmFeature.values();
        if (!planar) {
            NgtdmFeature.Ngtdm t = TextureMatrices.ngtdm(v, 1, v.nz - 2, false);
            put(out, fs, Aggregation.D3, ngtdmFeatures(t, fs));
            return;
        }
        List<NgtdmFeature.Ngtdm> per = new ArrayList<>();
        for (int z : slices(v)) per.add(TextureMatrices.ngtdm(v, z, z, true));
        List<double[]> rows = new ArrayList<>();
        for (NgtdmFeature.Ngtdm t : per) if (t.nvc > 0) rows.add(ngtdmFeatures(t, fs));
        put(out, fs, Aggregation.D2_AVG, mean(rows, fs.length));
        put(out, fs, Aggregation.D25_VMRG, ngtdmFeatures(NgtdmFeature.Ngtdm.merge(per, v.ng), fs));
    }

    private static double[] ngtdmFeatures(NgtdmFeature.Ngtdm t, NgtdmFeature[] fs) {
        double[] r = new double[fs.length];
        for (int f = 0; f < fs.length; f++) r[f] = fs[f].compute(t);
        return r;
    }

    // ---- NGLDM ----

    private static void ngldm(TextureVolume v, boolean planar, Map<String, Double> out) {
        NgldmFeature[] fs = NgldmFeature.values();
        SizeStatistic[] st = new SizeStatistic[fs.length];
        for (int i = 0; i < fs.length; i++) st[i] = fs[i].statistic;
        if (!planar) {
            put(out, fs, Aggregation.D3, sizeFeatures(TextureMatrices.ngldm(v, 1, v.nz - 2, false), st));
            return;
        }
        List<CountMatrix> per = new ArrayList<>();
        for (int z : slices(v)) per.add(TextureMatrices.ngldm(v, z, z, true));
        put(out, fs, Aggregation.D2_AVG, averageSizes(per, st));
        put(out, fs, Aggregation.D25_VMRG, sizeFeatures(CountMatrix.merge(per), st));
    }

    // ---- shared ----

    private static double[] sizeFeatures(CountMatrix m, SizeStatistic[] st) {
        SizeStatistic.Prepared p = new SizeStatistic.Prepared(m);
        double[] r = new double[st.length];
        for (int i = 0; i < st.length; i++) r[i] = st[i].compute(p);
        return r;
    }

    private static double[] averageSizes(List<CountMatrix> ms, SizeStatistic[] st) {
        List<double[]> rows = new ArrayList<>();
        for (CountMatrix m : ms) if (m.total() > 0) rows.add(sizeFeatures(m, st));
        return mean(rows, st.length);
    }

    private static double[] mean(List<double[]> rows, int n) {
        double[] r = new double[n];
        if (rows.isEmpty()) {
            java.util.Arrays.fill(r, Double.NaN);
            return r;
        }
        for (double[] row : rows) for (int i = 0; i < n; i++) r[i] += row[i];
        for (int i = 0; i < n; i++) r[i] /= rows.size();
        return r;
    }

    private static void put(Map<String, Double> out, io.delineo.radiomics.FeatureDefinition[] fs, Aggregation a,
                            double[] vals) {
        for (int f = 0; f < fs.length; f++) out.put(fs[f].columnCode() + a.suffix(), vals[f]);
    }
}
