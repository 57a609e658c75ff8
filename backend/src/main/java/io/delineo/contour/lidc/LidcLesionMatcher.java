package io.delineo.contour.lidc;

import io.delineo.contour.raster.PolygonRasterizer;
import io.delineo.imaging.BitMask;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the reading sessions' nodules into lesions: which nodule of reader 2 is the same lesion as reader 1's?
 *
 * <h2>Rule</h2>
 * <ol>
 *   <li>Candidates: contoured nodules (≥ 1 outline ROI) all of whose ROIs lie on loaded images. Centre-only nodules
 *       (&lt; 3 mm) are not lesions; nodules reaching beyond the loaded slices are skipped (listed in
 *       {@link Result#skipped()}) because a partial outline would bias every metric.</li>
 *   <li>Two candidates from <i>different</i> sessions are linked when their filled masks share at least one voxel.</li>
 *   <li>A lesion is a connected component of these links. A component holding two nodules of the same session
 *       is kept but flagged {@link MatchedLesion#ambiguous()} rather than split by guesswork.</li>
 * </ol>
 * Lesions are listed by number of sessions (most first), then by the first member's session and order.
 */
public final class LidcLesionMatcher {
    private LidcLesionMatcher() {}

    /** A contoured nodule of one session and its filled mask. */
    public record Candidate(int session, LidcNodule nodule, BitMask mask) {}

    public record MatchedLesion(List<Candidate> members) {
        public MatchedLesion {
            members = List.copyOf(members);
        }

        public long sessionCount() { return members.stream().mapToInt(Candidate::session).distinct().count(); }

        public boolean ambiguous() { return sessionCount() != members.size(); }

        /** True when every one of {@code sessions} sessions contributed exactly one nodule. */
        public boolean inAllSessions(int sessions) { return !ambiguous() && sessionCount() == sessions; }

        /** Masks in session order (only meaningful when not ambiguous). */
        public List<BitMask> masks() {
            return members.stream().sorted(Comparator.comparingInt(Candidate::session)).map(Candidate::mask).toList();
        }
    }

    public record Result(List<MatchedLesion> lesions, List<String> skipped) {
        public Result {
            lesions = List.copyOf(lesions);
            skipped = List.copyOf(skipped);
        }
    }

    public static Result match(LidcReadMessage message, LidcContourConverter converter, PolygonRasterizer rasterizer) {
        if (message == null || converter == null || rasterizer == null) {
            throw new IllegalArgumentException("message, converter and rasterizer are required");
        }
        List<Candidate> candidates = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int s = 0; s < message.sessions().size(); s++) {
            for (LidcNodule n : message.sessions().get(s).nodules()) {
                if (!n.isContoured()) continue;
                if (!converter.covers(n)) {
                    skipped.add("session " + (s + 1) + " nodule " + n.noduleId() + ": ROIs on images outside the loaded series");
                    continue;
                }
                candidates.add(new Candidate(s, n, rasterizer.rasterize(converter.toLesion(n))));
            }
        }
        int[] component = new int[candidates.size()];
        for (int c = 0; c < component.length; c++) component[c] = c;
        for (int a = 0; a < candidates.size(); a++) {
            for (int b = a + 1; b < candidates.size(); b++) {
                Candidate x = candidates.get(a), y = candidates.get(b);
                if (x.session() != y.session() && x.mask().andCount(y.mask()) > 0) {
                    union(component, a, b);
                }
            }
        }
        List<MatchedLesion> lesions = new ArrayList<>();
        boolean[] done = new boolean[candidates.size()];
        for (int a = 0; a < candidates.size(); a++) {
            if (done[a]) continue;
            List<Candidate> members = new ArrayList<>();
            for (int b = a; b < candidates.size(); b++) {
                if (find(component, b) == find(component, a)) {
                    members.add(candidates.get(b));
                    done[b] = true;
                }
            }
            lesions.add(new MatchedLesion(members));
        }
        lesions.sort(Comparator.comparingLong(MatchedLesion::sessionCount).reversed());
        return new Result(lesions, skipped);
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }

    private static void union(int[] parent, int a, int b) { parent[find(parent, a)] = find(parent, b); }
}
