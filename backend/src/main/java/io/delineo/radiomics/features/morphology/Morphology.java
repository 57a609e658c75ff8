package io.delineo.radiomics.features.morphology;

import io.delineo.radiomics.processing.PreparedRoi;

import java.util.LinkedHashMap;
import java.util.Map;

/** Computes all {@link MorphologyFeature}s of a prepared ROI. */
public final class Morphology {
    /** Khachiyan stopping tolerance (IBSI default). */
    public static final double MVEE_TOLERANCE = 0.001;

    private Morphology() { }

    public static Map<String, Double> compute(PreparedRoi roi) {
        MorphologyFeature.Shape s = shape(roi);
        Map<String, Double> out = new LinkedHashMap<>();
        for (MorphologyFeature f : MorphologyFeature.values()) out.put(f.columnCode(), f.compute(s));
        return out;
    }

    static MorphologyFeature.Shape shape(PreparedRoi roi) {
        MorphologyFeature.Shape s = new MorphologyFeature.Shape();
        int x0 = roi.nx, y0 = roi.ny, z0 = roi.nz, x1 = -1, y1 = -1, z1 = -1, nMorph = 0;
        double[] com = new double[3];
        for (int z = 0; z < roi.nz; z++) for (int y = 0; y < roi.ny; y++) for (int x = 0; x < roi.nx; x++) {
            if (!roi.morphMask[roi.index(x, y, z)]) continue;
            x0 = Math.min(x0, x); y0 = Math.min(y0, y); z0 = Math.min(z0, z);
            x1 = Math.max(x1, x); y1 = Math.max(y1, y); z1 = Math.max(z1, z);
            nMorph++;
            com[0] += x * roi.sx;
            com[1] += y * roi.sy;
            com[2] += z * roi.sz;
        }
        if (nMorph == 0) throw new IllegalArgumentException("empty morphological mask");
        for (int a = 0; a < 3; a++) com[a] /= nMorph;
        // padded copy of the mask for meshing
        int bx = x1 - x0 + 3, by = y1 - y0 + 3, bz = z1 - z0 + 3;
        boolean[] box = new boolean[bx * by * bz];
        double[][] cov = new double[3][3];
        for (int z = z0; z <= z1; z++) for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) {
            if (!roi.morphMask[roi.index(x, y, z)]) continue;
            box[(x - x0 + 1) + bx * ((y - y0 + 1) + by * (z - z0 + 1))] = true;
            double[] d = {x * roi.sx - com[0], y * roi.sy - com[1], z * roi.sz - com[2]};
            for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) cov[r][c] += d[r] * d[c] / (nMorph - 1.0);
        }
        MarchingCubes.Mesh mesh = MarchingCubes.extract(box, bx, by, bz, roi.sx, roi.sy, roi.sz);
        s.volume = mesh.volume();
        s.area = mesh.area();
        s.voxelVolume = nMorph * roi.sx * roi.sy * roi.sz;
        s.eigen = Linear.symmetricEigenvalues(cov);
        for (int k = 0; k < 3; k++) s.eigen[k] = Math.max(0, s.eigen[k]);

        double wsum = 0, isum = 0;
        int nInt = 0;
        double[] comI = new double[3];
        for (int z = 0; z < roi.nz; z++) for (int y = 0; y < roi.ny; y++) for (int x = 0; x < roi.nx; x++) {
            int i = roi.index(x, y, z);
            if (!roi.intensityMask[i]) continue;
            double v = roi.image[i];
            nInt++;
            isum += v;
            wsum += v;
            comI[0] += v * x * roi.sx;
            comI[1] += v * y * roi.sy;
            comI[2] += v * z * roi.sz;
        }
        s.meanIntensity = nInt == 0 ? Double.NaN : isum / nInt;
        if (nInt == 0 || wsum == 0) {
            s.centreOfMassShift = Double.NaN;
        } else {
            double d2 = 0;
            for (int a = 0; a < 3; a++) d2 += Math.pow(comI[a] / wsum - com[a], 2);
            s.centreOfMassShift = Math.sqrt(d2);
        }

        double[] verts = mesh.vertices();
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < verts.length / 3; i++) for (int a = 0; a < 3; a++) {
            lo[a] = Math.min(lo[a], verts[3 * i + a]);
            hi[a] = Math.max(hi[a], verts[3 * i + a]);
        }
        double ex = hi[0] - lo[0], ey = hi[1] - lo[1], ez = hi[2] - lo[2];
        s.aabb = new double[]{ex * ey * ez, 2 * (ex * ey + ex * ez + ey * ez)};
        s.hull = ConvexHull.of(ConvexHull.candidatePoints(verts, roi.sx / 2, roi.sy / 2, roi.sz / 2));
        double[] hv = s.hull.vertices();
        double dmax = 0;
        for (int i = 0; i < hv.length / 3; i++) for (int j = i + 1; j < hv.length / 3; j++) {
            double dx = hv[3 * i] - hv[3 * j], dy = hv[3 * i + 1] - hv[3 * j + 1], dz = hv[3 * i + 2] - hv[3 * j + 2];
            dmax = Math.max(dmax, dx * dx + dy * dy + dz * dz);
        }
        s.maxDiameter = Math.sqrt(dmax);
        s.ombb = OrientedBoundingBox.of(s.hull);
        s.mvee = Ellipsoids.mveeSemiAxes(hv, MVEE_TOLERANCE, 100_000);
        s.moranGeary = SpatialAutocorrelation.compute(roi.image, roi.intensityMask, roi.nx, roi.ny, roi.nz,
                roi.sx, roi.sy, roi.sz);
        return s;
    }
}
