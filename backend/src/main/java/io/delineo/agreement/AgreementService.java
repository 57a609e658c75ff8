package io.delineo.agreement;

import io.delineo.agreement.AgreementViews.CaseAgreement;
import io.delineo.agreement.AgreementViews.LesionAgreement;
import io.delineo.agreement.AgreementViews.Pair;
import io.delineo.agreement.AgreementViews.ReaderVolume;
import io.delineo.agreement.AgreementViews.VersusConsensus;
import io.delineo.agreement.metrics.AgreementMatrix;
import io.delineo.agreement.metrics.PairwiseAgreement;
import io.delineo.contour.CaseMasks;
import io.delineo.contour.CaseMasks.CaseGeometry;
import io.delineo.contour.CaseMasks.ReaderInput;
import io.delineo.contour.LesionMasks;
import io.delineo.contour.ReadCodec;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.study.StudyCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.delineo.agreement.AgreementViews.finite;

/**
 * Inter-reader agreement of a case, computed server-side from the stored reads and cached by the exact read versions
 * (and consensus version) used, so the dashboard recomputes only what a new submission changed.
 */
@ApplicationScoped
public class AgreementService {
    private static final int CACHED_CASES = 512;

    @Inject
    CaseMasks caseMasks;
    @Inject
    ReadCodec codec;

    private final Map<String, CaseAgreement> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CaseAgreement> eldest) {
            return size() > CACHED_CASES;
        }
    };

    @Transactional
    public CaseAgreement compute(StudyCase c, boolean includeInProgress) {
        List<ReaderInput> inputs = caseMasks.inputs(c, includeInProgress);
        Consensus approved = Consensus.approvedOf(c).orElse(null);
        StringBuilder key = new StringBuilder().append(c.id).append('|').append(includeInProgress);
        inputs.forEach(i -> key.append('|').append(i.reader()).append(':').append(i.version()));
        key.append("|c:").append(approved == null ? 0 : approved.version);
        synchronized (cache) {
            CaseAgreement hit = cache.get(key.toString());
            if (hit != null) return hit;
        }
        CaseAgreement result = calculate(c, includeInProgress, inputs, approved);
        synchronized (cache) {
            cache.put(key.toString(), result);
        }
        return result;
    }

    private CaseAgreement calculate(StudyCase c, boolean includeInProgress, List<ReaderInput> inputs,
                                    Consensus approved) {
        CaseGeometry geometry = caseMasks.geometry(c);
        Map<String, Map<LesionMasks.Group, BitMask>> masks = new LinkedHashMap<>();
        Set<LesionMasks.Group> groups = new LinkedHashSet<>();
        for (ReaderInput in : inputs) {
            Map<LesionMasks.Group, BitMask> m = caseMasks.masks(in.content(), geometry);
            masks.put(in.reader(), m);
            groups.addAll(m.keySet());
        }
        Map<LesionMasks.Group, BitMask> consensusMasks = approved == null ? Map.of()
                : caseMasks.masks(codec.decode(approved.content), geometry);
        List<LesionAgreement> lesions = new ArrayList<>();
        for (LesionMasks.Group g : groups) {
            ImageGrid grid = geometry.grid(g.seriesInstanceUid());
            List<String> names = new ArrayList<>();
            List<BitMask> list = new ArrayList<>();
            List<ReaderVolume> vols = new ArrayList<>();
            for (ReaderInput in : inputs) {
                // a reader who did not draw this lesion contributes an empty mask: a miss is disagreement
                BitMask m = masks.get(in.reader()).getOrDefault(g, new BitMask(grid));
                names.add(in.reader());
                list.add(m);
                long[] counts = m.sliceCounts();
                Integer first = null, last = null;
                for (int k = 0; k < counts.length; k++) {
                    if (counts[k] > 0) {
                        if (first == null) first = k;
                        last = k;
                    }
                }
                vols.add(new ReaderVolume(in.reader(), in.version(), in.status(), m.volumeMl(), first, last));
            }
            List<Pair> pairs = new ArrayList<>();
            Double mean = null, min = null, gci = null;
            List<VersusConsensus> versus = new ArrayList<>();
            if (list.size() >= 2) {
                AgreementMatrix matrix = AgreementMatrix.compute(list);
                for (int a = 0; a < list.size(); a++) {
                    for (int b = a + 1; b < list.size(); b++) {
                        pairs.add(pair(names.get(a), names.get(b), matrix.pair(a, b)));
                    }
                }
                mean = finite(matrix.meanPairwiseDice());
                min = pairs.stream().map(Pair::dice).filter(d -> d != null).min(Double::compare).orElse(null);
                gci = finite(matrix.generalizedConformityIndex());
            }
            BitMask reference = consensusMasks.get(g);
            if (reference != null) {
                for (int a = 0; a < list.size(); a++) {
                    PairwiseAgreement p = PairwiseAgreement.of(list.get(a), reference);
                    versus.add(new VersusConsensus(names.get(a), finite(p.dice()), finite(p.hd95Mm()),
                            finite(p.meanSurfaceDistanceMm())));
                }
            }
            lesions.add(new LesionAgreement(g.label(), g.seriesInstanceUid(), vols, pairs, mean, min, gci,
                    approved == null ? null : approved.version, versus));
        }
        return new CaseAgreement(c.id, c.label, includeInProgress, lesions);
    }

    private static Pair pair(String a, String b, PairwiseAgreement p) {
        List<Double> slices = new ArrayList<>();
        for (double d : p.sliceDice().dice()) slices.add(finite(d));
        return new Pair(a, b, finite(p.dice()), finite(p.jaccard()), finite(p.hausdorffMm()), finite(p.hd95Mm()),
                finite(p.meanSurfaceDistanceMm()), -p.overlap().volumeDifferenceMl(),
                finite(p.overlap().relativeVolumeDifferencePercent()), slices);
    }
}
