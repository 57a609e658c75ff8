package io.delineo.contour.lidc;

import io.delineo.agreement.metrics.AgreementMatrix;
import io.delineo.imaging.BitMask;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Lesion matching on the real LIDC cases, and our pairwise Dice compared with the values in the data README
 * (computed by the data helper with PIL, whose polygon fill also paints the outline pixels).
 */
class LidcAgreementTest {
    private static LidcLesionMatcher.Result match(String caseId) { return LidcFixtures.match(caseId); }

    private static List<BitMask> fourReaderMasks(String caseId) { return LidcFixtures.fourReaderMasks(caseId); }

    @Test
    void case1HasOneLesionSeenByAllFourReaders() {
        LidcLesionMatcher.Result r = match(LidcFixtures.CASE_1);
        assertThat(r.lesions()).hasSize(1);
        assertThat(r.lesions().get(0).members()).extracting(m -> m.nodule().noduleId())
                .containsExactly("Nodule 001", "IL057_127364", "MI014_12127", "0");
        assertThat(r.skipped()).isEmpty();
    }

    @Test
    void case3MatchesTheLargestNoduleAndSkipsThoseOutsideTheSlab() {
        LidcLesionMatcher.Result r = match(LidcFixtures.CASE_3);
        assertThat(r.lesions()).hasSize(1);
        assertThat(r.lesions().get(0).inAllSessions(4)).isTrue();
        assertThat(r.lesions().get(0).members()).extracting(m -> m.nodule().noduleId())
                .containsExactly("Nodule 001", "IL057_130591", "MI014_16588", "0");
        assertThat(r.skipped()).hasSize(9).allMatch(s -> s.contains("outside the loaded series"));
    }

    @Test
    void case2HasOnlyPartialNodules() {
        LidcLesionMatcher.Result r = match(LidcFixtures.CASE_2);
        assertThat(r.lesions()).isEmpty();
        assertThat(r.skipped()).hasSize(2);
    }

    @Test
    void pairwiseDiceAndTheReadmeValues() {
        // voxel counts under our centre rule, and under "centre rule ∪ outline pixels", which is what PIL paints
        long[][] centre = {{6364, 4964, 5337, 5937}, {3087, 2747, 3354, 6313}};
        long[][] readme = {{6844, 5348, 5733, 6408}, {3361, 3000, 3620, 6802}};
        double[] readmeMeanDice = {0.880, 0.775};
        String[] cases = {LidcFixtures.CASE_1, LidcFixtures.CASE_3};
        for (int c = 0; c < 2; c++) {
            SliceStack stack = LidcFixtures.stack(cases[c]);
            List<BitMask> ours = fourReaderMasks(cases[c]);
            List<BitMask> withOutline = new ArrayList<>();
            for (LidcLesionMatcher.Candidate m : match(cases[c]).lesions().get(0).members()) {
                withOutline.add(withOutlinePixels(m.mask(), m.nodule(), stack));
            }
            for (int r = 0; r < 4; r++) {
                assertThat(ours.get(r).cardinality()).isEqualTo(centre[c][r]);
                assertThat(withOutline.get(r).cardinality()).isEqualTo(readme[c][r]);
            }
            AgreementMatrix a = AgreementMatrix.compute(ours), b = AgreementMatrix.compute(withOutline);
            assertThat(b.meanPairwiseDice()).isCloseTo(readmeMeanDice[c], within(5e-4));
            System.out.printf("%s: mean pairwise Dice %.4f (centre rule) vs %.4f (with outline pixels, README %.3f); "
                            + "GCI %.4f vs %.4f%n", cases[c], a.meanPairwiseDice(), b.meanPairwiseDice(),
                    readmeMeanDice[c], a.generalizedConformityIndex(), b.generalizedConformityIndex());
            for (int r = 0; r < 4; r++) {
                for (int s = r + 1; s < 4; s++) {
                    System.out.printf("  readers %d-%d: Dice %.4f vs %.4f, HD95 %.2f mm, MSD %.2f mm%n", r + 1, s + 1,
                            a.pair(r, s).dice(), b.pair(r, s).dice(), a.pair(r, s).hd95Mm(), a.pair(r, s).meanSurfaceDistanceMm());
                }
            }
            // the outline ring adds 7-9 % of voxels to every reader and changes the mean Dice by < 0.005
            assertThat(Math.abs(a.meanPairwiseDice() - b.meanPairwiseDice())).isLessThan(0.005);
        }
    }

    /** Our mask plus the pixels the LIDC edge map passes through. */
    static BitMask withOutlinePixels(BitMask mask, LidcNodule nodule, SliceStack stack) {
        BitMask out = mask.copy();
        for (LidcRoi roi : nodule.rois()) {
            int k = stack.indexOf(roi.imageSopInstanceUid());
            double[] cols = roi.columns(), rows = roi.rows();
            for (int n = 0; n < cols.length; n++) out.set((int) cols[n], (int) rows[n], k);
        }
        return out;
    }
}
