package io.delineo.grading.inference;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;

/** Where an ROI lies: voxel bounding box, centroid and physical size, in patient mm (LPS). */
public record RoiExtent(ImageGrid grid, int[] minIndex, int[] maxIndex, double[] centroidIndex, long voxels) {
    public static RoiExtent of(BitMask roi) {
        ImageGrid g = roi.grid();
        int nx = g.nx(), ny = g.ny();
        int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE}, max = {-1, -1, -1};
        double si = 0, sj = 0, sk = 0;
        long count = 0;
        for (int n = roi.nextSetBit(0); n >= 0; n = n + 1 < roi.size() ? roi.nextSetBit(n + 1) : -1) {
            int i = n % nx, j = (n / nx) % ny, k = n / (nx * ny);
            min[0] = Math.min(min[0], i); min[1] = Math.min(min[1], j); min[2] = Math.min(min[2], k);
            max[0] = Math.max(max[0], i); max[1] = Math.max(max[1], j); max[2] = Math.max(max[2], k);
            si += i;
            sj += j;
            sk += k;
            count++;
        }
        if (count == 0) throw new InferenceException("the ROI mask is empty");
        return new RoiExtent(g, min, max, new double[]{si / count, sj / count, sk / count}, count);
    }

    public double[] bboxCentreMm() {
        return grid.toPatient((minIndex[0] + maxIndex[0]) / 2.0, (minIndex[1] + maxIndex[1]) / 2.0,
                (minIndex[2] + maxIndex[2]) / 2.0);
    }

    public double[] centroidMm() { return grid.toPatient(centroidIndex[0], centroidIndex[1], centroidIndex[2]); }

    public double volumeMl() { return voxels * grid.voxelVolumeMm3() / 1000.0; }

    /** Physical extent along patient x, y, z of the voxel boxes (corners of the index bounding box). */
    public double[] sizeMm() {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int c = 0; c < 8; c++) {
            double[] p = grid.toPatient((c & 1) == 0 ? minIndex[0] - 0.5 : maxIndex[0] + 0.5,
                    (c & 2) == 0 ? minIndex[1] - 0.5 : maxIndex[1] + 0.5, (c & 4) == 0 ? minIndex[2] - 0.5 : maxIndex[2] + 0.5);
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], p[a]);
                hi[a] = Math.max(hi[a], p[a]);
            }
        }
        return new double[]{hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]};
    }
}
