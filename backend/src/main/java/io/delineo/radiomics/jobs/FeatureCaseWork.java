package io.delineo.radiomics.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delineo.agreement.Consensus;
import io.delineo.agreement.ConsensusService;
import io.delineo.archive.volume.VolumeService;
import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditOutcome;
import io.delineo.audit.AuditTrail;
import io.delineo.contour.CaseMasks;
import io.delineo.contour.LesionMasks;
import io.delineo.contour.ReadContent;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.Volume;
import io.delineo.jobs.ItemOutcome;
import io.delineo.jobs.JobWork;
import io.delineo.jobs.StudyJob;
import io.delineo.jobs.WorkItem;
import io.delineo.radiomics.FeatureResult;
import io.delineo.radiomics.RadiomicsExtractor;
import io.delineo.radiomics.settings.RadiomicsSettings;
import io.delineo.security.CurrentUser;
import io.delineo.study.StudyCase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One work item of a feature job: one case. For every phase, the approved consensus and each reader's submitted
 * read, per lesion label. Each ROI's result and its audit event commit together; a ROI already computed with the
 * same settings and ROI version is skipped, so an item run twice (a replica died, or a retry) stores one result.
 */
@ApplicationScoped
public class FeatureCaseWork implements JobWork {
    public static final String KIND = "radiomics-features";

    @Inject
    CaseMasks caseMasks;
    @Inject
    ConsensusService consensus;
    @Inject
    VolumeService volumes;
    @Inject
    AuditTrail audit;
    @Inject
    ObjectMapper json;

    /** One ROI to compute. */
    record Roi(long caseId, String phase, String series, String source, int version, ReadContent content) {
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ItemOutcome run(WorkItem item) {
        long caseId = Long.parseLong(item.key());
        long featureJobId = QuarkusTransaction.requiringNew().call(() -> FeatureJob.<FeatureJob>find("studyJobId",
                item.jobId()).firstResult().id);
        RadiomicsSettings settings = RadiomicsSettings.parse(item.settings());
        List<Roi> rois = QuarkusTransaction.requiringNew().call(() -> rois(caseId));
        RadiomicsExtractor extractor = new RadiomicsExtractor();
        int done = 0, skipped = 0, failed = 0;
        List<String> errors = new ArrayList<>();
        boolean cancelled = false;
        for (Roi roi : rois) {
            if (item.cancelled().getAsBoolean()) {
                cancelled = true;
                break;
            }
            try {
                int[] counts = compute(featureJobId, roi, settings, extractor, item.requestedBy());
                done += counts[0];
                skipped += counts[1];
            } catch (RuntimeException e) {
                failed++;
                errors.add("case " + roi.caseId() + ", " + roi.phase() + ", " + roi.source() + ": " + e.getMessage());
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("total", rois.size());
        result.put("done", done);
        result.put("skipped", skipped);
        result.put("failed", failed);
        result.put("errors", errors);
        String resultJson = toJson(result);
        if (cancelled) return ItemOutcome.failed(resultJson, "cancelled before all ROIs of the case were computed");
        if (failed > 0) return ItemOutcome.failed(resultJson, failed + " of " + rois.size() + " ROIs failed: "
                + errors.get(0));
        return ItemOutcome.succeeded(resultJson);
    }

    @Override
    public void stateChanged(long jobId, String state) {
        String status = switch (state) {
            case StudyJob.SUCCEEDED, StudyJob.FAILED -> "DONE";
            default -> state;
        };
        OffsetDateTime finished = "DONE".equals(status) || StudyJob.CANCELLED.equals(status) ? OffsetDateTime.now() : null;
        FeatureJob.update("status = ?1, finishedAt = ?2 where studyJobId = ?3", status, finished, jobId);
    }

    private List<Roi> rois(long caseId) {
        StudyCase c = StudyCase.findById(caseId);
        if (c == null) throw new IllegalStateException("case " + caseId + " no longer exists");
        Consensus approved = Consensus.approvedOf(c).orElse(null);
        List<CaseMasks.ReaderInput> inputs = caseMasks.inputs(c, false);
        List<Roi> rois = new ArrayList<>();
        for (Map.Entry<String, String> phase : c.seriesByPhase.entrySet()) {
            if (approved != null) {
                rois.add(new Roi(c.id, phase.getKey(), phase.getValue(), "consensus", approved.version,
                        consensus.content(approved)));
            }
            for (CaseMasks.ReaderInput in : inputs) {
                rois.add(new Roi(c.id, phase.getKey(), phase.getValue(), "reader:" + in.reader(), in.version(),
                        in.content()));
            }
        }
        return rois;
    }

    /** Returns {computed, skipped} for the ROI's lesion labels on its series (a ROI with none there is skipped). */
    private int[] compute(long featureJobId, Roi roi, RadiomicsSettings settings, RadiomicsExtractor extractor,
                          CurrentUser.Snapshot user) {
        Map<LesionMasks.Group, BitMask> masks = QuarkusTransaction.requiringNew().call(() ->
                caseMasks.masks(roi.content(), StudyCase.findById(roi.caseId())));
        int done = 0, skipped = 0;
        boolean any = false;
        for (Map.Entry<LesionMasks.Group, BitMask> e : masks.entrySet()) {
            if (!e.getKey().seriesInstanceUid().equals(roi.series())) continue;
            any = true;
            String label = e.getKey().label();
            boolean exists = QuarkusTransaction.requiringNew().call(() -> FeatureSet.exists(
                    StudyCase.findById(roi.caseId()), roi.phase(), roi.source(), roi.version(), label,
                    settings.sha256()));
            if (exists) {
                skipped++;
                continue;
            }
            BitMask mask = e.getValue();
            if (mask.cardinality() == 0) throw new IllegalStateException("the ROI of '" + label + "' is empty");
            Volume volume = volumes.load(roi.series()).volume();
            FeatureResult result = extractor.extract(volume, mask::get, settings);
            String values = toJson(result.values());
            QuarkusTransaction.requiringNew().run(() -> store(featureJobId, roi, label, mask, result, values, user));
            done++;
        }
        if (!any) skipped++;
        return new int[] {done, skipped};
    }

    /** Replaces any result with the same key (a concurrent run of the same item) and audits, in one transaction. */
    private void store(long featureJobId, Roi roi, String label, BitMask mask, FeatureResult result, String values,
                       CurrentUser.Snapshot user) {
        StudyCase c = StudyCase.findById(roi.caseId());
        FeatureSet.delete("studyCase = ?1 and phase = ?2 and roiSource = ?3 and roiVersion = ?4 and lesionLabel = ?5 "
                + "and settingsHash = ?6", c, roi.phase(), roi.source(), roi.version(), label, result.settingsHash());
        FeatureSet f = new FeatureSet();
        f.jobId = featureJobId;
        f.studyCase = c;
        f.phase = roi.phase();
        f.seriesInstanceUid = roi.series();
        f.roiSource = roi.source();
        f.roiVersion = roi.version();
        f.lesionLabel = label;
        f.settingsHash = result.settingsHash();
        f.softwareVersion = result.softwareVersion();
        f.voxelCount = (int) mask.cardinality();
        f.featureValues = values;
        f.computedBy = user.name();
        f.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("case", roi.caseId());
        details.put("phase", roi.phase());
        details.put("roi", roi.source() + " v" + roi.version());
        details.put("label", label);
        details.put("settingsHash", result.settingsHash());
        audit.recordAs(user, AuditAction.FEATURE_COMPUTE, "feature-set", f.id, AuditOutcome.SUCCESS, details);
    }

    private String toJson(Object o) {
        try {
            if (o instanceof Map<?, ?> m && !(m.containsKey("errors"))) {
                Map<Object, Object> clean = new LinkedHashMap<>();
                m.forEach((k, v) -> clean.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
                o = clean;
            }
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
