package io.delineo.interop.common;

import io.delineo.contour.ReadContent;
import io.delineo.contour.raster.MaskContourTracer;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;

import java.util.ArrayList;
import java.util.List;

/** Synthetic lesion masks and reads for round-trip tests. */
public final class TestMasks {
    private TestMasks() {
    }

    /** An ellipsoid (semi-axes in voxels) around voxel (ci, cj, ck), optionally with an inner hollow. */
    public static BitMask ellipsoid(ImageGrid g, double ci, double cj, double ck, double ri, double rj, double rk,
                                    double holeFraction) {
        BitMask m = new BitMask(g);
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double d = sq((i - ci) / ri) + sq((j - cj) / rj) + sq((k - ck) / rk);
                    if (d <= 1 && d >= holeFraction * holeFraction) m.set(g.index(i, j, k));
                }
            }
        }
        return m;
    }

    private static double sq(double v) {
        return v * v;
    }

    /** A lesion whose contours are the pixel-edge loops of a mask, each naming the image of its slice. */
    public static ReadContent.Lesion traced(String id, String label, BitMask mask, SourceSeries series) {
        List<ReadContent.Contour> contours = new ArrayList<>();
        for (MaskContourTracer.SliceContour sc : MaskContourTracer.trace(mask)) {
            List<double[]> points = new ArrayList<>();
            for (int n = 0; n < sc.polygon().pointCount(); n++) points.add(sc.polygon().point(n));
            contours.add(new ReadContent.Contour(series.image(sc.k()).sopInstanceUid(), points));
        }
        return new ReadContent.Lesion(id, label, contours);
    }

    /** A free-hand-like polygon (not on the pixel lattice): a wobbly circle of radius r voxels on slice k. */
    public static ReadContent.Contour wobblyCircle(SourceSeries series, double ci, double cj, int k, double r, int n) {
        ImageGrid g = series.grid();
        List<double[]> points = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            double a = 2 * Math.PI * v / n;
            double rr = r * (1 + 0.15 * Math.sin(5 * a) + 0.013 * Math.cos(17 * a));
            points.add(g.toPatient(ci + rr * Math.cos(a), cj + rr * Math.sin(a), k));
        }
        return new ReadContent.Contour(series.image(k).sopInstanceUid(), points);
    }
}
