package io.delineo.radiomics.features.texture;

import io.delineo.radiomics.processing.PreparedRoi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Texture matrices of the 4x4 example image of the IBSI manual, checked by hand. */
class TextureMatricesTest {
    // rows top to bottom (y), columns left to right (x)
    static final int[][] IMAGE = {{1, 2, 2, 3}, {1, 2, 3, 3}, {4, 2, 4, 1}, {4, 1, 2, 3}};

    static TextureVolume example() {
        int[] levels = new int[16];
        for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) levels[x + 4 * y] = IMAGE[y][x];
        boolean[] all = new boolean[16];
        java.util.Arrays.fill(all, true);
        PreparedRoi roi = new PreparedRoi(4, 4, 1, 1, 1, 1, new float[16], all, all, new int[]{4, 4, 1}, new int[3]);
        return new TextureVolume(roi, levels, 4);
    }

    @Test
    void symmetricCooccurrenceMatrixAlongX() {
        TextureVolume v = example();
        double[] m = TextureMatrices.glcm(v, new int[]{1, 0, 0}, 1, 1);
        // IBSI manual: M for direction (1,0) after adding its transpose
        double[][] expected = {{0, 3, 0, 2}, {3, 2, 3, 2}, {0, 3, 2, 0}, {2, 2, 0, 0}};
        for (int i = 1; i <= 4; i++) for (int j = 1; j <= 4; j++) {
            assertThat(m[i * 5 + j]).as("M[%d][%d]", i, j).isEqualTo(expected[i - 1][j - 1]);
        }
        assertThat(TextureMatrices.glcms(v, new int[][]{{1, 0, 0}, {0, 1, 0}}, 1, 1)[0]).containsExactly(m);
        GlcmFeature.Glcm g = new GlcmFeature.Glcm(m, 4);
        // joint maximum 3/24, contrast = sum (i-j)^2 p
        assertThat(GlcmFeature.JOINT_MAXIMUM.compute(g)).isCloseTo(3.0 / 24, within(1e-12));
        double contrast = (2 * 3 * 1 + 2 * 2 * 9 + 2 * 3 * 1 + 2 * 2 * 4) / 24.0;
        assertThat(GlcmFeature.CONTRAST.compute(g)).isCloseTo(contrast, within(1e-12));
    }

    @Test
    void runLengthsAlongX() {
        CountMatrix m = TextureMatrices.glrlm(example(), new int[]{1, 0, 0}, 1, 1);
        assertThat(m.get(1, 1)).isEqualTo(4);
        assertThat(m.get(2, 1)).isEqualTo(3);
        assertThat(m.get(2, 2)).isEqualTo(1);
        assertThat(m.get(3, 1)).isEqualTo(2);
        assertThat(m.get(3, 2)).isEqualTo(1);
        assertThat(m.get(4, 1)).isEqualTo(3);
        assertThat(m.total()).isEqualTo(14);
        assertThat(m.voxels).isEqualTo(16);
        // run percentage = runs / voxels
        assertThat(GlrlmFeature.RUN_PERCENTAGE.statistic.compute(new SizeStatistic.Prepared(m)))
                .isCloseTo(14.0 / 16, within(1e-12));
    }

    @Test
    void sizeZonesWithEightConnectivity() {
        CountMatrix[] z = TextureMatrices.zones(example(), 1, 1, true, TextureMatrices.distanceMap(example(), true));
        CountMatrix s = z[0];
        // IBSI manual GLSZM example
        assertThat(s.get(1, 1)).isEqualTo(2);
        assertThat(s.get(1, 2)).isEqualTo(1);
        assertThat(s.get(2, 5)).isEqualTo(1);
        assertThat(s.get(3, 1)).isEqualTo(1);
        assertThat(s.get(3, 3)).isEqualTo(1);
        assertThat(s.get(4, 1)).isEqualTo(1);
        assertThat(s.get(4, 2)).isEqualTo(1);
        assertThat(s.total()).isEqualTo(8); // 3 + 1 + 2 + 2 zones
    }

    @Test
    void distanceMapCountsStepsToTheRoiEdge() {
        TextureVolume v = example();
        int[] d = TextureMatrices.distanceMap(v, true);
        int[][] expected = {{1, 1, 1, 1}, {1, 2, 2, 1}, {1, 2, 2, 1}, {1, 1, 1, 1}}; // IBSI manual example
        for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) {
            assertThat(d[v.index(x + 1, y + 1, 1)]).isEqualTo(expected[y][x]);
        }
    }

    @Test
    void neighbourhoodMatricesCountOnlyRoiNeighbours() {
        TextureVolume v = example();
        CountMatrix dep = TextureMatrices.ngldm(v, 1, 1, true);
        // level-1 voxels (row, col): (0,0) and (1,0) touch each other -> dependence 2; (2,3), (3,1) alone -> 1
        assertThat(dep.get(1, 1)).isEqualTo(2);
        assertThat(dep.get(1, 2)).isEqualTo(2);
        assertThat(dep.total()).isEqualTo(16);
        assertThat(dep.voxels).isEqualTo(16);
        NgtdmFeature.Ngtdm t = TextureMatrices.ngtdm(v, 1, 1, true);
        // |1 - mean of ROI neighbours| for the four level-1 voxels: |1-5/3| + |1-11/5| + |1-15/5| + |1-16/5|
        assertThat(t.n[1]).isEqualTo(4);
        assertThat(t.s[1]).isCloseTo(2.0 / 3 + 1.2 + 2 + 2.2, within(1e-12));
        assertThat(t.nvc).isEqualTo(16);
    }
}
