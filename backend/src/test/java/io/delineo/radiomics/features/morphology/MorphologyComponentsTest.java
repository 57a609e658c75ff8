package io.delineo.radiomics.features.morphology;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MorphologyComponentsTest {

    @Test
    void marchingCubesMatchesScikitImageOnFixtureMasks() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(getClass().getResource("/radiomics/fixtures/mesh_fixture.txt").toURI()));
        for (int l = 0; l < lines.size(); l += 2) {
            String[] h = lines.get(l).split(" ");
            int nx = Integer.parseInt(h[1]), ny = Integer.parseInt(h[2]), nz = Integer.parseInt(h[3]);
            double sx = Double.parseDouble(h[4]), sy = Double.parseDouble(h[5]), sz = Double.parseDouble(h[6]);
            double volume = Double.parseDouble(h[7]), area = Double.parseDouble(h[8]);
            String bits = lines.get(l + 1);
            int px = nx + 2, py = ny + 2, pz = nz + 2;
            boolean[] m = new boolean[px * py * pz];
            for (int i = 0; i < bits.length(); i++) {
                int x = i % nx, y = (i / nx) % ny, z = i / (nx * ny);
                m[(x + 1) + px * ((y + 1) + py * (z + 1))] = bits.charAt(i) == '1';
            }
            MarchingCubes.Mesh mesh = MarchingCubes.extract(m, px, py, pz, sx, sy, sz);
            assertThat(mesh.volume()).as(h[0] + " volume").isCloseTo(volume, within(1e-9 * volume));
            assertThat(mesh.area()).as(h[0] + " area").isCloseTo(area, within(1e-9 * area));
        }
    }

    @Test
    void singleVoxelGivesTheOctahedron() {
        boolean[] m = new boolean[27];
        m[13] = true;
        MarchingCubes.Mesh mesh = MarchingCubes.extract(m, 3, 3, 3, 2, 2, 2);
        assertThat(mesh.volume()).isCloseTo(4.0 / 3.0, within(1e-12)); // (4/3) r^3, r = 1 mm
        assertThat(mesh.area()).isCloseTo(4 * Math.sqrt(3), within(1e-12));
        assertThat(mesh.vertexCount()).isEqualTo(6);
    }

    @Test
    void convexHullOfACubeLatticeAndOfRandomPoints() {
        int n = 5;
        double[] pts = new double[3 * n * n * n];
        int k = 0;
        for (int z = 0; z < n; z++) for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) {
            pts[k++] = x;
            pts[k++] = y;
            pts[k++] = z;
        }
        ConvexHull h = ConvexHull.of(ConvexHull.candidatePoints(pts, 1, 1, 1));
        assertThat(h.volume()).isCloseTo(64, within(1e-9));
        assertThat(h.area()).isCloseTo(96, within(1e-9));
        // points on a sphere: hull volume approaches 4/3 pi from below
        Random r = new Random(3);
        double[] s = new double[3 * 4000];
        for (int i = 0; i < 4000; i++) {
            double zz = 2 * r.nextDouble() - 1, phi = 2 * Math.PI * r.nextDouble(), rr = Math.sqrt(1 - zz * zz);
            s[3 * i] = rr * Math.cos(phi);
            s[3 * i + 1] = rr * Math.sin(phi);
            s[3 * i + 2] = zz;
        }
        ConvexHull sh = ConvexHull.of(s);
        assertThat(sh.volume()).isLessThan(4 * Math.PI / 3).isGreaterThan(0.99 * 4 * Math.PI / 3);
        assertThat(sh.vertices().length / 3).isEqualTo(4000);
    }

    @Test
    void moranAndGearyViaFftEqualTheDirectDefinition() {
        Random r = new Random(7);
        int nx = 9, ny = 8, nz = 5;
        float[] v = new float[nx * ny * nz];
        boolean[] m = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() + (i % nx) * 0.3);
            m[i] = r.nextDouble() < 0.7;
        }
        double[] direct = SpatialAutocorrelation.direct(v, m, nx, ny, nz, 0.8, 1.1, 2.5);
        double[] fft = SpatialAutocorrelation.viaFft(v, m, nx, ny, nz, 0.8, 1.1, 2.5);
        assertThat(fft[0]).isCloseTo(direct[0], within(1e-10));
        assertThat(fft[1]).isCloseTo(direct[1], within(1e-10));
        assertThat(Fft.goodSize(97)).isEqualTo(108);
    }

    @Test
    void ellipsoidAreaSeriesAndMvee() {
        assertThat(Ellipsoids.area(2, 2, 2)).isCloseTo(4 * Math.PI * 4, within(1e-9));
        // the IBSI Legendre series as written in the manual (independently evaluated with scipy.special.eval_legendre):
        // note that for elongated ellipsoids it is well below the true surface area (21.48 for 2:1:1), but the IBSI
        // reference values for area density (AEE/MVEE) were computed with it
        assertThat(Ellipsoids.area(2, 1, 1)).isCloseTo(17.343874354675428, within(1e-9));
        assertThat(Ellipsoids.area(3, 2, 1.5)).isCloseTo(55.77296292662757, within(1e-9));
        // MVEE of the corners of a box [-a,a]x[-b,b]x[-c,c] is the ellipsoid with semi-axes sqrt(3) (a, b, c)
        double[] corners = new double[24];
        int k = 0;
        for (int sx = -1; sx <= 1; sx += 2) for (int sy = -1; sy <= 1; sy += 2) for (int sz = -1; sz <= 1; sz += 2) {
            corners[k++] = 3 * sx;
            corners[k++] = 2 * sy;
            corners[k++] = sz;
        }
        double[] axes = Ellipsoids.mveeSemiAxes(corners, 1e-9, 100_000);
        assertThat(axes[0]).isCloseTo(3 * Math.sqrt(3), within(1e-3));
        assertThat(axes[1]).isCloseTo(2 * Math.sqrt(3), within(1e-3));
        assertThat(axes[2]).isCloseTo(Math.sqrt(3), within(1e-3));
    }

    @Test
    void mixedRadixFftEqualsTheDefiningSum() {
        Random r = new Random(11);
        for (int n : new int[]{1, 2, 3, 4, 5, 6, 8, 9, 12, 16, 18, 20, 27, 30, 36, 48, 72}) {
            double[] re = new double[n], im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = r.nextGaussian();
                im[i] = r.nextGaussian();
            }
            for (boolean inverse : new boolean[]{false, true}) {
                double[] fr = re.clone(), fi = im.clone();
                Fft.transform3d(fr, fi, n, 1, 1, inverse);
                double sign = inverse ? 1 : -1;
                for (int k = 0; k < n; k++) {
                    double sr = 0, si = 0;
                    for (int j = 0; j < n; j++) {
                        double a = sign * 2 * Math.PI * j * k / n;
                        sr += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                        si += re[j] * Math.sin(a) + im[j] * Math.cos(a);
                    }
                    assertThat(fr[k]).as("n=%d k=%d", n, k).isCloseTo(sr, within(1e-9 * n));
                    assertThat(fi[k]).as("n=%d k=%d", n, k).isCloseTo(si, within(1e-9 * n));
                }
            }
        }
    }

    @Test
    void subsamplingForHugeRoisApproximatesTheExactValues() {
        Random r = new Random(9);
        int nx = 40, ny = 40, nz = 12;
        float[] v = new float[nx * ny * nz];
        boolean[] m = new boolean[v.length];
        for (int z = 0; z < nz; z++) for (int y = 0; y < ny; y++) for (int x = 0; x < nx; x++) {
            int i = x + nx * (y + ny * z);
            v[i] = (float) (Math.sin(x / 6.0) * 50 + r.nextGaussian() * 20);
            m[i] = true;
        }
        double[] exact = SpatialAutocorrelation.viaFft(v, m, nx, ny, nz, 1, 1, 3);
        double[] approx = SpatialAutocorrelation.subsampled(v, m, nx, ny, nz, 1, 1, 3);
        assertThat(approx[0]).isCloseTo(exact[0], within(0.02 + 0.2 * Math.abs(exact[0])));
        assertThat(approx[1]).isCloseTo(exact[1], within(0.05 * exact[1]));
    }
}
