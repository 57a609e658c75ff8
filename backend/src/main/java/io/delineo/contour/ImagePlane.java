package io.delineo.contour;

/** Where an image lies in patient space: its series, position of the first pixel and orientation. */
public record ImagePlane(String seriesInstanceUid, double[] imagePositionPatient, double[] imageOrientationPatient) {

    /** Distance (mm) of a point from the image plane. */
    public double distance(double[] p) {
        double[] o = imageOrientationPatient;
        double nx = o[1] * o[5] - o[2] * o[4];
        double ny = o[2] * o[3] - o[0] * o[5];
        double nz = o[0] * o[4] - o[1] * o[3];
        double norm = Math.sqrt(nx * nx + ny * ny + nz * nz);
        double[] q = imagePositionPatient;
        return Math.abs((p[0] - q[0]) * nx + (p[1] - q[1]) * ny + (p[2] - q[2]) * nz) / norm;
    }

    /** Area (mm²) of a polygon in this plane (shoelace on in-plane coordinates). */
    public double area(java.util.List<double[]> points) {
        double[] o = imageOrientationPatient;
        double sum = 0;
        for (int i = 0; i < points.size(); i++) {
            double[] a = points.get(i), b = points.get((i + 1) % points.size());
            double au = a[0] * o[0] + a[1] * o[1] + a[2] * o[2], av = a[0] * o[3] + a[1] * o[4] + a[2] * o[5];
            double bu = b[0] * o[0] + b[1] * o[1] + b[2] * o[2], bv = b[0] * o[3] + b[1] * o[4] + b[2] * o[5];
            sum += au * bv - bu * av;
        }
        return Math.abs(sum) / 2;
    }
}
