package io.delineo.contour.raster;

import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolygonRasterizerTest {
    private static final ImageGrid AXIAL = ImageGrid.axial(64, 48, 12, 1.0, 1.0, 1.0);
    private static final ImageGrid ANISO = ImageGrid.axial(96, 80, 20, 0.7, 0.9, 2.5);
    private static final ImageGrid OBLIQUE = Shapes.obliqueGrid(96, 80, 20, 0.7, 0.9, 2.5);

    /** A polygon through the given continuous (i, j) indices on slice k, converted to patient mm via the grid. */
    private static PlanarPolygon indexPolygon(ImageGrid g, int k, double... ij) {
        double[] xyz = new double[ij.length / 2 * 3];
        for (int n = 0; n < ij.length / 2; n++) {
            System.arraycopy(g.toPatient(ij[2 * n], ij[2 * n + 1], k), 0, xyz, 3 * n, 3);
        }
        return new PlanarPolygon(xyz);
    }

    private static PlanarPolygon rectangle(ImageGrid g, int k, double i0, double j0, double i1, double j1) {
        return indexPolygon(g, k, i0, j0, i1, j0, i1, j1, i0, j1);
    }

    @Test
    void halfVoxelSquaresFillExactlyTheirVoxels() {
        for (ImageGrid g : new ImageGrid[]{AXIAL, ANISO, OBLIQUE}) {
            BitMask m = new PolygonRasterizer(g).rasterize(Lesion.of(rectangle(g, 3, 2.5, 3.5, 7.5, 9.5)));
            assertThat(m.cardinality()).as("5x6 voxels on %s", g).isEqualTo(30);
            for (int j = 4; j <= 9; j++) for (int i = 3; i <= 7; i++) assertThat(m.get(i, j, 3)).isTrue();
            assertThat(m.volumeMl()).isEqualTo(30 * g.voxelVolumeMm3() / 1000);
        }
    }

    @Test
    void centresOnTheBoundaryFollowTheHalfOpenRule() {
        // vertices on voxel centres (0,0)-(4,4): left/top edges in, right/bottom out -> exactly the area, 16 voxels
        for (ImageGrid g : new ImageGrid[]{AXIAL, OBLIQUE}) {
            BitMask m = new PolygonRasterizer(g).rasterize(Lesion.of(rectangle(g, 0, 10, 10, 14, 14)));
            assertThat(m.cardinality()).isEqualTo(16);
            assertThat(m.get(10, 10, 0)).isTrue();
            assertThat(m.get(13, 13, 0)).isTrue();
            assertThat(m.get(14, 10, 0)).isFalse();
            assertThat(m.get(10, 14, 0)).isFalse();
        }
        // two squares sharing an edge: the shared column is counted once
        BitMask two = new PolygonRasterizer(AXIAL).rasterize(Lesion.of(
                rectangle(AXIAL, 0, 10, 10, 14, 14), rectangle(AXIAL, 0, 14, 10, 18, 14)));
        assertThat(two.cardinality()).isEqualTo(32);
        // a diamond through voxel centres: matches the PNPOLY oracle, ties included
        PlanarPolygon diamond = indexPolygon(AXIAL, 1, 20, 10, 27, 17, 20, 24, 13, 17);
        assertThat(new PolygonRasterizer(AXIAL).rasterize(Lesion.of(diamond)))
                .isEqualTo(Shapes.bruteForce(AXIAL, List.of(diamond)));
    }

    @Test
    void circlesMatchBruteForceAndTheAnalyticAreaBand() {
        for (ImageGrid g : new ImageGrid[]{AXIAL, ANISO, OBLIQUE}) {
            double pixelArea = g.sx() * g.sy();
            double halfDiagonal = Math.hypot(g.sx(), g.sy()) / 2;
            for (double r : new double[]{2.3, 5.1, 9.7, 17.3}) {
                if (2 * r + 4 > Math.min(g.nx() * g.sx(), g.ny() * g.sy())) continue;
                PlanarPolygon c = Shapes.circle(g, 2, g.nx() / 2.0 + 0.173, g.ny() / 2.0 - 0.291, r, 2000);
                BitMask m = new PolygonRasterizer(g).rasterize(Lesion.of(c));
                assertThat(m).as("r=%s on %s", r, g).isEqualTo(Shapes.bruteForce(g, List.of(c)));
                double area = m.cardinality() * pixelArea;
                // only voxels whose centre is within half a voxel diagonal of the circle can be misclassified
                double band = 2 * Math.PI * r * halfDiagonal + Math.PI * halfDiagonal * halfDiagonal;
                assertThat(Math.abs(area - Math.PI * r * r)).as("r=%s", r).isLessThanOrEqualTo(band);
            }
        }
    }

    @Test
    void relativeAreaErrorShrinksAsCirclesGrow() {
        ImageGrid g = ImageGrid.axial(600, 600, 1, 0.5, 0.5, 1);
        double[] radii = {4, 16, 64, 140};
        double[] relative = new double[radii.length];
        for (int n = 0; n < radii.length; n++) {
            double r = radii[n];
            PlanarPolygon c = Shapes.circle(g, 0, 300.37, 299.81, r, 4000);
            double area = new PolygonRasterizer(g).rasterize(Lesion.of(c)).cardinality() * 0.25;
            relative[n] = Math.abs(area - Math.PI * r * r) / (Math.PI * r * r);
            double band = 2 * Math.PI * r * Math.hypot(0.5, 0.5) / 2 / (Math.PI * r * r);
            assertThat(relative[n]).as("r=%s", r).isLessThanOrEqualTo(band);
        }
        // boundary errors largely cancel: far inside the O(1/r) band, and converging
        assertThat(relative[3]).isLessThan(relative[0]).isLessThan(1e-3);
    }

    @Test
    void ringsAndSeparatePartsUseEvenOddOnTheSlice() {
        for (ImageGrid g : new ImageGrid[]{AXIAL, ANISO, OBLIQUE}) {
            double ci = g.nx() / 2.0 + 0.37, cj = g.ny() / 2.0 + 0.11;
            PlanarPolygon outer = Shapes.circle(g, 4, ci, cj, 14.2, 1500);
            PlanarPolygon inner = Shapes.circle(g, 4, ci, cj, 6.9, 1500);
            List<PlanarPolygon> ring = List.of(outer, inner);
            BitMask m = new PolygonRasterizer(g).rasterize(new Lesion(ring));
            assertThat(m).isEqualTo(Shapes.bruteForce(g, ring));
            assertThat(m.get((int) Math.round(ci), (int) Math.round(cj), 4)).as("hole").isFalse();
            double area = m.cardinality() * g.sx() * g.sy();
            double halfDiag = Math.hypot(g.sx(), g.sy()) / 2;
            double band = 2 * Math.PI * (14.2 + 6.9) * halfDiag + 2 * Math.PI * halfDiag * halfDiag;
            assertThat(Math.abs(area - Math.PI * (14.2 * 14.2 - 6.9 * 6.9))).isLessThanOrEqualTo(band);

            // two disjoint parts on one slice plus a part on another slice
            PlanarPolygon left = Shapes.circle(g, 7, ci - 15 / g.sx(), cj, 4.1, 600);
            PlanarPolygon right = Shapes.circle(g, 7, ci + 15 / g.sx(), cj, 5.3, 600);
            PlanarPolygon other = Shapes.circle(g, 9, ci, cj, 3.3, 600);
            BitMask parts = new PolygonRasterizer(g).rasterize(Lesion.of(left, right, other));
            assertThat(parts).isEqualTo(Shapes.bruteForce(g, List.of(left, right, other)));
            long[] slices = parts.sliceCounts();
            assertThat(slices[7]).isEqualTo(new PolygonRasterizer(g).rasterize(Lesion.of(left)).cardinality()
                    + new PolygonRasterizer(g).rasterize(Lesion.of(right)).cardinality());
            assertThat(slices[9]).isPositive();
            assertThat(parts.cardinality()).isEqualTo(slices[7] + slices[9]);
        }
    }

    @Test
    void perturbedPolygonsPartlyOutsideTheGridAreClipped() {
        ImageGrid g = ANISO;
        List<PlanarPolygon> polygons = new ArrayList<>();
        for (int k = 0; k < g.nz(); k += 3) {
            final int kk = k;
            polygons.add(Shapes.ellipse(g, k, 5.3 + k, 40.2, 20, 13, 97, t -> 1 + 0.2 * Math.sin(5 * t + kk)));
        }
        BitMask m = new PolygonRasterizer(g).rasterize(new Lesion(polygons));
        assertThat(m).isEqualTo(Shapes.bruteForce(g, polygons));
        assertThat(m.boundingBox().iMin()).isZero();
    }

    @Test
    void sliceIndexComesFromThePoints() {
        PolygonRasterizer r = new PolygonRasterizer(OBLIQUE);
        assertThat(r.sliceIndexOf(Shapes.circle(OBLIQUE, 13, 40, 40, 5, 50))).isEqualTo(13);
        // 0.03 mm off the plane is within the default tolerance
        double[] xyz = Shapes.circle(OBLIQUE, 5, 40, 40, 5, 50).coordinates();
        double[] n = OBLIQUE.sliceDir();
        for (int q = 0; q < xyz.length / 3; q++) for (int a = 0; a < 3; a++) xyz[3 * q + a] += 0.03 * n[a];
        assertThat(r.sliceIndexOf(new PlanarPolygon(xyz))).isEqualTo(5);
    }

    @Test
    void offPlaneAndOutsidePolygonsAreRejectedClearly() {
        PolygonRasterizer r = new PolygonRasterizer(ANISO);
        PlanarPolygon tilted = PlanarPolygon.of(10, 10, 5.0, 20, 10, 5.0, 20, 20, 5.4);
        assertThatThrownBy(() -> r.rasterize(Lesion.of(tilted))).isInstanceOf(ContourGeometryException.class)
                .hasMessageContaining("not on a slice centre plane").hasMessageContaining("vertex 2");
        PlanarPolygon between = PlanarPolygon.of(10, 10, 6.25, 20, 10, 6.25, 20, 20, 6.25);
        assertThatThrownBy(() -> r.rasterize(Lesion.of(between))).isInstanceOf(ContourGeometryException.class)
                .hasMessageContaining("1.2500 mm from the centre of slice");
        PlanarPolygon below = PlanarPolygon.of(10, 10, -5, 20, 10, -5, 20, 20, -5);
        assertThatThrownBy(() -> r.rasterize(Lesion.of(below))).isInstanceOf(ContourGeometryException.class)
                .hasMessageContaining("outside the series' slices");
        assertThatThrownBy(() -> PlanarPolygon.of(1, 2, 3, 4, 5, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3 vertices");
        assertThatThrownBy(() -> PlanarPolygon.of(1, 2, 3, 4, 5, 6, 7, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("triples");
        assertThatThrownBy(() -> new PolygonRasterizer(ANISO, 2.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClosingRepeatOfTheFirstVertexIsDropped() {
        PlanarPolygon closed = PlanarPolygon.of(0, 0, 0, 4, 0, 0, 4, 4, 0, 0, 4, 0, 0, 0, 0);
        assertThat(closed.pointCount()).isEqualTo(4);
        assertThat(new PolygonRasterizer(AXIAL).rasterize(Lesion.of(closed)).cardinality()).isEqualTo(16);
        assertThat(new PolygonRasterizer(AXIAL).rasterize(new Lesion(List.of())).isEmpty()).isTrue();
    }
}
