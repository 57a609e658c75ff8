package io.delineo.radiomics.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditTrail;
import io.delineo.domain.Refusal;
import io.delineo.jobs.StudyJob;
import io.delineo.jobs.StudyJobItem;
import io.delineo.jobs.StudyJobService;
import io.delineo.radiomics.settings.RadiomicsSettings;
import io.delineo.security.CurrentUser;
import io.delineo.stats.IccResult;
import io.delineo.stats.IntraclassCorrelation;
import io.delineo.study.ReaderStudy;
import io.delineo.study.StudyAccess;
import io.delineo.study.StudyCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Feature jobs, stored feature sets, their CSV export and robustness across readers (ICC). PI only. */
@ApplicationScoped
public class FeatureService {
    @Inject
    StudyAccess access;
    @Inject
    StudyJobService studyJobs;
    @Inject
    AuditTrail audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    ObjectMapper json;

    public record JobView(long id, long studyId, String status, int total, int done, int skipped, int failed,
                          List<String> errors, String settingsHash, Object settings, String createdBy,
                          OffsetDateTime createdAt, OffsetDateTime finishedAt, CaseProgress cases) {
    }

    /** The job's work items, one per case: how many are done, failed, cancelled (null for jobs from before). */
    public record CaseProgress(String state, int total, int done, int failed, int cancelled) {
    }

    public record FeatureSetView(long id, long caseId, String phase, String seriesInstanceUid, String roiSource,
                                 int roiVersion, String lesionLabel, String settingsHash, String softwareVersion,
                                 int voxelCount, Map<String, Double> values, OffsetDateTime computedAt) {
    }

    public record FeatureIcc(String feature, Double icc21, Double icc21Low, Double icc21High, Double icc31,
                             Double icc31Low, Double icc31High) {
    }

    public record RobustnessGroup(String phase, String lesionLabel, List<String> readers, int cases,
                                  List<FeatureIcc> features) {
    }

    public record Robustness(long studyId, String settingsHash, List<RobustnessGroup> groups, Selection selection) {
    }

    public record Selection(String iccType, double minIcc, List<String> features) {
    }

    @Transactional
    public JobView start(long studyId, String settingsJson) {
        ReaderStudy s = access.study(studyId);
        RadiomicsSettings settings;
        try {
            settings = RadiomicsSettings.parse(settingsJson == null || settingsJson.isBlank() ? "{}" : settingsJson);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("settings: " + e.getMessage());
        }
        if (FeatureJob.count("study = ?1 and status in ('QUEUED', 'RUNNING')", s) > 0) {
            throw Refusal.conflict("a feature job of this study is still running");
        }
        List<String> cases = StudyCase.ofStudy(s).stream().map(c -> String.valueOf(c.id)).toList();
        FeatureJob job = new FeatureJob();
        job.study = s;
        job.settings = settings.canonicalJson();
        job.settingsHash = settings.sha256();
        job.status = "QUEUED";
        job.errors = "[]";
        job.createdBy = currentUser.name();
        job.persist();
        // one work item per case, run by whichever replica picks it; all committed with this transaction
        job.studyJobId = studyJobs.start(FeatureCaseWork.KIND, s.id, job.settings, cases, currentUser.get()).id;
        audit.success(AuditAction.FEATURE_JOB_CREATE, job.id, Map.of("study", s.id, "settingsHash", job.settingsHash));
        return view(job);
    }

    /** Cases not yet started are not run; cases being computed stop after their current ROI. */
    @Transactional
    public JobView cancel(long studyId, long jobId) {
        FeatureJob job = engineJob(studyId, jobId);
        studyJobs.cancel(job.studyJobId, currentUser.get());
        return view(job);
    }

    /** Runs the failed cases again; ROIs already computed are kept. */
    @Transactional
    public JobView retryFailed(long studyId, long jobId) {
        FeatureJob job = engineJob(studyId, jobId);
        studyJobs.retryFailed(job.studyJobId, currentUser.get());
        return view(job);
    }

    private FeatureJob engineJob(long studyId, long jobId) {
        FeatureJob job = FeatureJob.findById(jobId);
        if (job == null || !job.study.id.equals(studyId)) throw Refusal.notFound("no feature job " + jobId);
        if (job.studyJobId == null) throw Refusal.conflict("feature job " + jobId + " ran before jobs could be "
                + "cancelled or retried; start a new one");
        return job;
    }

    @Transactional
    public List<JobView> jobs(long studyId) {
        return FeatureJob.ofStudy(access.study(studyId)).stream().map(this::view).toList();
    }

    @Transactional
    public JobView job(long studyId, long jobId) {
        FeatureJob job = FeatureJob.findById(jobId);
        if (job == null || !job.study.id.equals(studyId)) throw Refusal.notFound("no feature job " + jobId);
        return view(job);
    }

    @Transactional
    public List<FeatureSetView> caseFeatures(long caseId, String roi, String phase, String settingsHash) {
        StudyCase c = access.caseForPi(caseId);
        StringBuilder q = new StringBuilder("studyCase = ?1");
        List<Object> params = new ArrayList<>(List.of(c));
        if (roi != null && !roi.isBlank()) { params.add(roi); q.append(" and roiSource = ?").append(params.size()); }
        if (phase != null && !phase.isBlank()) { params.add(phase); q.append(" and phase = ?").append(params.size()); }
        if (settingsHash != null && !settingsHash.isBlank()) {
            params.add(settingsHash);
            q.append(" and settingsHash = ?").append(params.size());
        }
        q.append(" order by phase, roiSource, lesionLabel, roiVersion desc, id desc");
        List<FeatureSetView> out = FeatureSet.<FeatureSet>list(q.toString(), params.toArray()).stream()
                .map(this::view).toList();
        audit.success(AuditAction.FEATURE_READ, caseId, Map.of("roi", String.valueOf(roi), "sets", out.size()));
        return out;
    }

    /** One row per case × phase × ROI source × lesion label (latest ROI version), one column per feature. */
    @Transactional
    public String csv(long studyId, String settingsHash) {
        ReaderStudy s = access.study(studyId);
        String hash = hashOrLatest(s, settingsHash);
        List<FeatureSet> sets = latestPerRoi(FeatureSet.ofStudy(s.id, hash));
        Set<String> columns = new LinkedHashSet<>();
        List<Map<String, Double>> values = new ArrayList<>();
        for (FeatureSet f : sets) {
            Map<String, Double> v = values(f);
            values.add(v);
            columns.addAll(v.keySet());
        }
        StringBuilder sb = new StringBuilder("case_id,case,phase,series_uid,roi_source,roi_version,lesion_label,"
                + "voxel_count,settings_hash,software_version");
        for (String c : columns) sb.append(',').append(c);
        sb.append("\r\n");
        for (int i = 0; i < sets.size(); i++) {
            FeatureSet f = sets.get(i);
            sb.append(f.studyCase.id).append(',').append(csv(f.studyCase.label)).append(',').append(f.phase)
                    .append(',').append(f.seriesInstanceUid).append(',').append(csv(f.roiSource)).append(',')
                    .append(f.roiVersion).append(',').append(csv(f.lesionLabel)).append(',').append(f.voxelCount)
                    .append(',').append(f.settingsHash).append(',').append(csv(f.softwareVersion));
            for (String c : columns) {
                Double d = values.get(i).get(c);
                sb.append(',').append(d == null ? "" : Double.toString(d));
            }
            sb.append("\r\n");
        }
        audit.success(AuditAction.FEATURE_EXPORT, studyId, Map.of("rows", sets.size(), "settingsHash", hash));
        return sb.toString();
    }

    @Transactional
    public Robustness robustness(long studyId, String settingsHash) {
        ReaderStudy s = access.study(studyId);
        String hash = hashOrLatest(s, settingsHash);
        List<RobustnessGroup> groups = groups(s, hash);
        RobustFeatureSelection sel = RobustFeatureSelection.find("studyId = ?1 and settingsHash = ?2", s.id, hash)
                .firstResult();
        audit.success(AuditAction.FEATURE_ROBUSTNESS_READ, studyId, Map.of("settingsHash", hash));
        return new Robustness(s.id, hash, groups, sel == null ? null
                : new Selection(sel.iccType, sel.minIcc, List.of(sel.features)));
    }

    /** Marks as robust the features whose ICC reaches {@code minIcc} in every phase/label group. */
    @Transactional
    public Selection select(long studyId, String settingsHash, String iccType, double minIcc) {
        ReaderStudy s = access.study(studyId);
        String hash = hashOrLatest(s, settingsHash);
        if (!"ICC21".equals(iccType) && !"ICC31".equals(iccType)) {
            throw Refusal.invalid("iccType must be ICC21 or ICC31");
        }
        if (!(minIcc >= 0 && minIcc <= 1)) throw Refusal.invalid("minIcc must be between 0 and 1");
        List<RobustnessGroup> groups = groups(s, hash);
        if (groups.isEmpty()) throw Refusal.conflict("no ICC can be computed yet: features of at least two "
                + "readers on at least two cases are needed");
        Map<String, Integer> passes = new TreeMap<>();
        for (RobustnessGroup g : groups) {
            for (FeatureIcc f : g.features()) {
                Double icc = iccType.equals("ICC21") ? f.icc21() : f.icc31();
                if (icc != null && icc >= minIcc) passes.merge(f.feature(), 1, Integer::sum);
            }
        }
        List<String> robust = passes.entrySet().stream().filter(e -> e.getValue() == groups.size())
                .map(Map.Entry::getKey).toList();
        RobustFeatureSelection sel = RobustFeatureSelection.find("studyId = ?1 and settingsHash = ?2", s.id, hash)
                .firstResult();
        if (sel == null) {
            sel = new RobustFeatureSelection();
            sel.studyId = s.id;
            sel.settingsHash = hash;
        }
        sel.iccType = iccType;
        sel.minIcc = minIcc;
        sel.features = robust.toArray(String[]::new);
        sel.createdBy = currentUser.name();
        sel.persist();
        audit.success(AuditAction.FEATURE_ROBUST_SELECT, studyId, Map.of("iccType", iccType, "minIcc", minIcc,
                "features", robust.size()));
        return new Selection(iccType, minIcc, robust);
    }

    private List<RobustnessGroup> groups(ReaderStudy s, String hash) {
        List<FeatureSet> sets = latestPerRoi(FeatureSet.ofStudy(s.id, hash)).stream()
                .filter(f -> f.roiSource.startsWith("reader:")).toList();
        Map<String, List<FeatureSet>> byGroup = new LinkedHashMap<>();
        for (FeatureSet f : sets) byGroup.computeIfAbsent(f.phase + "|" + f.lesionLabel, k -> new ArrayList<>()).add(f);
        List<RobustnessGroup> out = new ArrayList<>();
        for (Map.Entry<String, List<FeatureSet>> e : byGroup.entrySet()) {
            RobustnessGroup g = group(e.getKey(), e.getValue());
            if (g != null) out.add(g);
        }
        return out;
    }

    /** ICC per feature over the cases every reader has, with readers as raters. */
    private RobustnessGroup group(String key, List<FeatureSet> sets) {
        List<String> readers = sets.stream().map(f -> f.roiSource).distinct().sorted().toList();
        Map<Long, Map<String, Map<String, Double>>> byCase = new TreeMap<>();
        for (FeatureSet f : sets) byCase.computeIfAbsent(f.studyCase.id, k -> new TreeMap<>()).put(f.roiSource, values(f));
        List<Map<String, Map<String, Double>>> complete = byCase.values().stream()
                .filter(m -> m.keySet().containsAll(readers)).toList();
        if (readers.size() < 2 || complete.size() < 2) return null;
        Set<String> features = new LinkedHashSet<>(complete.get(0).get(readers.get(0)).keySet());
        List<FeatureIcc> out = new ArrayList<>();
        for (String feature : features) {
            double[][] ratings = new double[complete.size()][readers.size()];
            boolean finite = true;
            for (int t = 0; t < complete.size() && finite; t++) {
                for (int r = 0; r < readers.size(); r++) {
                    Double v = complete.get(t).get(readers.get(r)).get(feature);
                    if (v == null || !Double.isFinite(v)) {
                        finite = false;
                        break;
                    }
                    ratings[t][r] = v;
                }
            }
            if (!finite) continue;
            IntraclassCorrelation icc = new IntraclassCorrelation(ratings);
            IccResult a = icc.icc21(0.95), b = icc.icc31(0.95);
            out.add(new FeatureIcc(feature, fin(a.value()), fin(a.lower()), fin(a.upper()), fin(b.value()),
                    fin(b.lower()), fin(b.upper())));
        }
        out.sort(Comparator.comparing((FeatureIcc f) -> f.icc21() == null ? Double.NEGATIVE_INFINITY : f.icc21())
                .reversed());
        String[] pk = key.split("\\|", 2);
        return new RobustnessGroup(pk[0], pk[1], readers.stream().map(r -> r.substring("reader:".length())).toList(),
                complete.size(), out);
    }

    private static List<FeatureSet> latestPerRoi(List<FeatureSet> sets) {
        Map<String, FeatureSet> latest = new LinkedHashMap<>();
        for (FeatureSet f : sets) {
            latest.merge(f.studyCase.id + "|" + f.phase + "|" + f.roiSource + "|" + f.lesionLabel, f,
                    (a, b) -> a.roiVersion >= b.roiVersion ? a : b);
        }
        return new ArrayList<>(latest.values());
    }

    private String hashOrLatest(ReaderStudy s, String settingsHash) {
        if (settingsHash != null && !settingsHash.isBlank()) return settingsHash.trim();
        return FeatureJob.ofStudy(s).stream().map(j -> j.settingsHash).findFirst()
                .orElseThrow(() -> Refusal.notFound("no feature job has been run for this study"));
    }

    private Map<String, Double> values(FeatureSet f) {
        try {
            return json.readValue(f.featureValues, new TypeReference<LinkedHashMap<String, Double>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored feature values are not valid JSON", e);
        }
    }

    private JobView view(FeatureJob j) {
        try {
            Object settings = json.readValue(j.settings, Object.class);
            StudyJob engine = j.studyJobId == null ? null : StudyJob.findById(j.studyJobId);
            if (engine == null) {
                return new JobView(j.id, j.study.id, j.status, j.total, j.done, j.skipped, j.failed,
                        json.readValue(j.errors, new TypeReference<List<String>>() { }), j.settingsHash, settings,
                        j.createdBy, j.createdAt, j.finishedAt, null);
            }
            // ROI counts are the sum of the cases' results: a case computed twice still counts once
            int total = 0, done = 0, skipped = 0, failed = 0;
            List<String> errors = new ArrayList<>();
            for (StudyJobItem item : StudyJobItem.ofJob(engine.id)) {
                if (item.result != null) {
                    ItemCounts c = json.readValue(item.result, ItemCounts.class);
                    total += c.total();
                    done += c.done();
                    skipped += c.skipped();
                    failed += c.failed();
                    errors.addAll(c.errors());
                } else if (StudyJobItem.FAILED.equals(item.state)) {
                    total++;
                    failed++;
                    errors.add("case " + item.key + ": " + item.reason);
                }
            }
            String status = switch (engine.state) {
                case StudyJob.SUCCEEDED, StudyJob.FAILED -> "DONE";
                default -> engine.state;
            };
            return new JobView(j.id, j.study.id, status, total, done, skipped, failed, errors, j.settingsHash,
                    settings, j.createdBy, j.createdAt, engine.finishedAt,
                    new CaseProgress(engine.state, engine.total, engine.done, engine.failed, engine.cancelled));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@link FeatureCaseWork} keeps with each case's work item. */
    record ItemCounts(int total, int done, int skipped, int failed, List<String> errors) {
    }

    private FeatureSetView view(FeatureSet f) {
        return new FeatureSetView(f.id, f.studyCase.id, f.phase, f.seriesInstanceUid, f.roiSource, f.roiVersion,
                f.lesionLabel, f.settingsHash, f.softwareVersion, f.voxelCount, values(f), f.computedAt);
    }

    private static Double fin(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
