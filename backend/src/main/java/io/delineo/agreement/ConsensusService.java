package io.delineo.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delineo.agreement.consensus.MajorityVote;
import io.delineo.agreement.consensus.Staple;
import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditTrail;
import io.delineo.contour.CaseMasks;
import io.delineo.contour.LesionMasks;
import io.delineo.contour.ReadCodec;
import io.delineo.contour.ReadContent;
import io.delineo.contour.ReadService;
import io.delineo.contour.ReadValidator;
import io.delineo.contour.raster.MaskContourTracer;
import io.delineo.domain.Refusal;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.security.CurrentUser;
import io.delineo.study.StudyAccess;
import io.delineo.study.StudyCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Consensus ROIs from the submitted reads (STAPLE or majority vote), or edited by the PI; each a new version that
 * records exactly which read versions it came from. The PI approves one version; features and grading use it.
 */
@ApplicationScoped
public class ConsensusService {
    @Inject
    StudyAccess access;
    @Inject
    CaseMasks caseMasks;
    @Inject
    ReadCodec codec;
    @Inject
    ReadService reads;
    @Inject
    AuditTrail audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    ObjectMapper json;
    @Inject
    io.delineo.archive.volume.VolumeService volumes;

    public record Source(String reader, int readVersion) {
    }

    public record ReaderStat(String reader, String label, Double sensitivity, Double specificity) {
    }

    public record ConsensusView(long id, long caseId, int version, String method, Double threshold, Integer basedOn,
                                boolean approved, String approvedBy, OffsetDateTime approvedAt, String createdBy,
                                OffsetDateTime createdAt, List<Source> sources, List<ReaderStat> readers,
                                ReadContent content) {
    }

    /** basedOn: for an edited consensus, the version the PI started from (default: the newest). */
    public record ConsensusInput(String method, Double threshold, ReadContent content, Integer basedOn) {
        public ConsensusInput(String method, Double threshold, ReadContent content) {
            this(method, threshold, content, null);
        }
    }

    @Transactional
    public ConsensusView create(long caseId, ConsensusInput in) {
        StudyCase c = access.caseForPi(caseId);
        String method = in == null || in.method() == null ? "" : in.method().trim().toUpperCase();
        ConsensusView v = switch (method) {
            case "STAPLE", "MAJORITY" -> fromReads(c, method, in.threshold() == null ? 0.5 : in.threshold());
            case "EDITED" -> edited(c, in.content(), in.basedOn());
            default -> throw Refusal.invalid("method must be staple, majority or edited");
        };
        audit.success(AuditAction.CONSENSUS_CREATE, c.id + "/" + v.version(), Map.of("method", v.method(),
                "sources", v.sources().stream().map(s -> s.reader() + ":" + s.readVersion()).toList()));
        return v;
    }

    private ConsensusView fromReads(StudyCase c, String method, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) throw Refusal.invalid("threshold must be in (0, 1]");
        List<CaseMasks.ReaderInput> inputs = caseMasks.inputs(c, false);
        if (inputs.size() < 2) {
            throw Refusal.conflict("a consensus needs at least two submitted reads; this case has " + inputs.size());
        }
        CaseMasks.CaseGeometry geometry = caseMasks.geometry(c);
        Map<String, Map<LesionMasks.Group, BitMask>> masks = new LinkedHashMap<>();
        Set<LesionMasks.Group> groups = new LinkedHashSet<>();
        for (CaseMasks.ReaderInput in : inputs) {
            Map<LesionMasks.Group, BitMask> m = caseMasks.masks(in.content(), geometry);
            masks.put(in.reader(), m);
            groups.addAll(m.keySet());
        }
        List<ReadContent.Lesion> lesions = new ArrayList<>();
        List<ReaderStat> stats = new ArrayList<>();
        for (LesionMasks.Group g : groups) {
            ImageGrid grid = geometry.grid(g.seriesInstanceUid());
            List<BitMask> list = inputs.stream()
                    .map(in -> masks.get(in.reader()).getOrDefault(g, new BitMask(grid))).toList();
            BitMask result;
            if (method.equals("STAPLE")) {
                Staple.Options options = new Staple.Options(Staple.Options.DEFAULT.initialSensitivity(),
                        Staple.Options.DEFAULT.initialSpecificity(), Staple.Options.DEFAULT.priorForeground(),
                        Staple.Options.DEFAULT.epsilon(), Staple.Options.DEFAULT.maxIterations(),
                        Staple.Options.DEFAULT.marginVoxels(), threshold);
                Staple.Result r = Staple.run(list, options);
                result = r.consensus();
                for (int i = 0; i < inputs.size(); i++) {
                    stats.add(new ReaderStat(inputs.get(i).reader(), g.label(),
                            AgreementViews.finite(r.sensitivity()[i]), AgreementViews.finite(r.specificity()[i])));
                }
            } else {
                result = MajorityVote.of(list, threshold);
            }
            List<String> sops = volumes.geometry(g.seriesInstanceUid()).sopInstanceUids();
            List<ReadContent.Contour> contours = new ArrayList<>();
            for (MaskContourTracer.SliceContour sc : MaskContourTracer.trace(result)) {
                List<double[]> points = new ArrayList<>();
                for (int n = 0; n < sc.polygon().pointCount(); n++) points.add(sc.polygon().point(n));
                contours.add(new ReadContent.Contour(sops.get(sc.k()), points));
            }
            if (!contours.isEmpty()) {
                lesions.add(new ReadContent.Lesion("consensus-" + (lesions.size() + 1), g.label(),
                        g.seriesInstanceUid(), contours));
            }
        }
        List<Source> sources = inputs.stream().map(i -> new Source(i.reader(), i.version())).toList();
        return save(c, method, threshold, null, sources, stats, new ReadContent(lesions));
    }

    private ConsensusView edited(StudyCase c, ReadContent content, Integer startedFrom) {
        if (content == null) throw Refusal.invalid("an edited consensus needs its contours (content)");
        var planes = reads.planes(c);
        List<String> problems = ReadValidator.problems(content, List.of(c.study.lesionLabels), planes);
        if (!problems.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "the consensus was not saved: " + String.join("; ", problems),
                    Map.of("problems", problems));
        }
        Consensus origin = startedFrom != null
                ? Consensus.version(c, startedFrom).orElseThrow(() -> Refusal.invalid(
                        "the edited consensus names version " + startedFrom + " as its origin, which this case does not have"))
                : Consensus.ofCase(c).stream().findFirst().orElse(null);
        Integer basedOn = origin == null ? null : origin.version;
        List<Source> sources = origin == null ? List.of() : sourcesOf(origin);
        content = content.withSeries(sop -> planes.containsKey(sop) ? planes.get(sop).seriesInstanceUid() : null);
        return save(c, "EDITED", null, basedOn, sources, List.of(), content);
    }

    private ConsensusView save(StudyCase c, String method, Double threshold, Integer basedOn, List<Source> sources,
                               List<ReaderStat> stats, ReadContent content) {
        Consensus x = new Consensus();
        x.studyCase = c;
        x.version = Consensus.nextVersion(c);
        x.method = method;
        x.threshold = threshold;
        x.basedOn = basedOn;
        x.sources = write(sources);
        x.readerStats = write(stats);
        x.content = codec.encode(content);
        x.createdBy = currentUser.name();
        x.createdAt = OffsetDateTime.now();
        x.persist();
        return view(x);
    }

    @Transactional
    public List<ConsensusView> list(long caseId) {
        StudyCase c = access.caseForPi(caseId);
        List<ConsensusView> out = Consensus.ofCase(c).stream().map(this::view).toList();
        audit.success(AuditAction.CONSENSUS_READ, caseId, Map.of("versions", out.size()));
        return out;
    }

    @Transactional
    public ConsensusView approve(long caseId, int version) {
        StudyCase c = access.caseForPi(caseId);
        Consensus x = Consensus.version(c, version).orElseThrow(
                () -> Refusal.notFound("case " + caseId + " has no consensus version " + version));
        Consensus.approvedOf(c).filter(a -> a.version != version).ifPresent(previous -> {
            previous.approved = false;
            previous.flush();
        });
        x.approved = true;
        x.approvedBy = currentUser.name();
        x.approvedAt = OffsetDateTime.now();
        audit.success(AuditAction.CONSENSUS_APPROVE, c.id + "/" + version, Map.of("method", x.method));
        return view(x);
    }

    ConsensusView view(Consensus x) {
        return new ConsensusView(x.id, x.studyCase.id, x.version, x.method, x.threshold, x.basedOn, x.approved,
                x.approvedBy, x.approvedAt, x.createdBy, x.createdAt, sourcesOf(x), read(x.readerStats,
                new TypeReference<List<ReaderStat>>() { }), content(x));
    }

    /** The contours of a consensus version, for features, grading, the board and exports. */
    public ReadContent content(Consensus x) {
        return codec.decode(x.content);
    }

    private List<Source> sourcesOf(Consensus x) {
        return read(x.sources, new TypeReference<List<Source>>() { });
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String s, TypeReference<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored consensus is not valid JSON", e);
        }
    }
}
