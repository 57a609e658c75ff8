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
import io.delineo.platform.StartupChecks;
import io.delineo.radiomics.FeatureResult;
import io.delineo.radiomics.RadiomicsExtractor;
import io.delineo.radiomics.settings.RadiomicsSettings;
import io.delineo.security.CurrentUser;
import io.delineo.study.StudyCase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs feature jobs one at a time on a background thread: for every case and phase, the approved consensus and each
 * reader's submitted read, per lesion label. Each ROI's result and its audit event commit together; ROIs already
 * computed with the same settings and ROI version are skipped, so a job can be run again after more reads arrive.
 */
@ApplicationScoped
public class FeatureJobRunner {
    private static final Logger LOG = Logger.getLogger(FeatureJobRunner.class);

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

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "feature-jobs");
        t.setDaemon(true);
        return t;
    });

    /** One ROI to compute. */
    record Item(long caseId, String phase, String series, String source, int version, ReadContent content) {
    }

    public void submit(long jobId, CurrentUser.Snapshot user) {
        executor.submit(() -> run(jobId, user));
    }

    /** Jobs that were running when the portal stopped did not finish: say so. */
    void onStart(@Observes StartupChecks.Ready ready) {
        QuarkusTransaction.requiringNew().run(() -> FeatureJob.update(
                "status = 'FAILED', finishedAt = ?1 where status in ('QUEUED', 'RUNNING')", OffsetDateTime.now()));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    void run(long jobId, CurrentUser.Snapshot user) {
        List<Item> items;
        RadiomicsSettings settings;
        try {
            settings = QuarkusTransaction.requiringNew().call(() -> RadiomicsSettings.parse(
                    FeatureJob.<FeatureJob>findById(jobId).settings));
            items = QuarkusTransaction.requiringNew().call(() -> items(jobId));
        } catch (RuntimeException e) {
            LOG.error("feature job " + jobId + " could not start", e);
            finish(jobId, "FAILED", List.of("could not start: " + e.getMessage()));
            return;
        }
        List<String> errors = new ArrayList<>();
        RadiomicsExtractor extractor = new RadiomicsExtractor();
        for (Item item : items) {
            try {
                compute(jobId, item, settings, extractor, user);
            } catch (RuntimeException e) {
                LOG.warnf("feature job %d: case %d %s %s failed: %s", jobId, item.caseId(), item.phase(), item.source(),
                        e.getMessage());
                errors.add("case " + item.caseId() + ", " + item.phase() + ", " + item.source() + ": " + e.getMessage());
                QuarkusTransaction.requiringNew().run(() -> FeatureJob.update("failed = failed + 1 where id = ?1", jobId));
            }
        }
        finish(jobId, "DONE", errors);
    }

    private List<Item> items(long jobId) {
        FeatureJob job = FeatureJob.findById(jobId);
        job.status = "RUNNING";
        List<Item> items = new ArrayList<>();
        for (StudyCase c : StudyCase.ofStudy(job.study)) {
            Consensus approved = Consensus.approvedOf(c).orElse(null);
            List<CaseMasks.ReaderInput> inputs = caseMasks.inputs(c, false);
            for (Map.Entry<String, String> phase : c.seriesByPhase.entrySet()) {
                if (approved != null) {
                    items.add(new Item(c.id, phase.getKey(), phase.getValue(), "consensus", approved.version,
                            consensus.content(approved)));
                }
                for (CaseMasks.ReaderInput in : inputs) {
                    items.add(new Item(c.id, phase.getKey(), phase.getValue(), "reader:" + in.reader(), in.version(),
                            in.content()));
                }
            }
        }
        job.total = items.size();
        return items;
    }

    private void compute(long jobId, Item item, RadiomicsSettings settings, RadiomicsExtractor extractor,
                         CurrentUser.Snapshot user) {
        Map<LesionMasks.Group, BitMask> masks = QuarkusTransaction.requiringNew().call(() -> {
            StudyCase c = StudyCase.findById(item.caseId());
            return caseMasks.masks(item.content(), c);
        });
        boolean any = false;
        for (Map.Entry<LesionMasks.Group, BitMask> e : masks.entrySet()) {
            if (!e.getKey().seriesInstanceUid().equals(item.series())) continue;
            any = true;
            boolean exists = QuarkusTransaction.requiringNew().call(() -> FeatureSet.exists(
                    StudyCase.findById(item.caseId()), item.phase(), item.source(), item.version(), e.getKey().label(),
                    settings.sha256()));
            if (exists) {
                QuarkusTransaction.requiringNew().run(() -> FeatureJob.update("skipped = skipped + 1 where id = ?1", jobId));
                continue;
            }
            BitMask mask = e.getValue();
            if (mask.cardinality() == 0) throw new IllegalStateException("the ROI of '" + e.getKey().label() + "' is empty");
            Volume volume = volumes.load(item.series()).volume();
            FeatureResult result = extractor.extract(volume, mask::get, settings);
            String values = toJson(result.values());
            QuarkusTransaction.requiringNew().run(() -> {
                FeatureSet f = new FeatureSet();
                f.jobId = jobId;
                f.studyCase = StudyCase.findById(item.caseId());
                f.phase = item.phase();
                f.seriesInstanceUid = item.series();
                f.roiSource = item.source();
                f.roiVersion = item.version();
                f.lesionLabel = e.getKey().label();
                f.settingsHash = result.settingsHash();
                f.softwareVersion = result.softwareVersion();
                f.voxelCount = (int) mask.cardinality();
                f.featureValues = values;
                f.computedBy = user.name();
                f.persist();
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("case", item.caseId());
                details.put("phase", item.phase());
                details.put("roi", item.source() + " v" + item.version());
                details.put("label", e.getKey().label());
                details.put("settingsHash", result.settingsHash());
                audit.recordAs(user, AuditAction.FEATURE_COMPUTE, "feature-set", f.id, AuditOutcome.SUCCESS, details);
                FeatureJob.update("done = done + 1 where id = ?1", jobId);
            });
        }
        if (!any) QuarkusTransaction.requiringNew().run(() -> FeatureJob.update("skipped = skipped + 1 where id = ?1", jobId));
    }

    private void finish(long jobId, String status, List<String> errors) {
        String errorJson = toJson(errors);
        QuarkusTransaction.requiringNew().run(() -> {
            FeatureJob job = FeatureJob.findById(jobId);
            job.status = status;
            job.errors = errorJson;
            job.finishedAt = OffsetDateTime.now();
        });
    }

    private String toJson(Object o) {
        try {
            if (o instanceof Map<?, ?> m) {
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
