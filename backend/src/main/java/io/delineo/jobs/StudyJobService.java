package io.delineo.jobs;

import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditOutcome;
import io.delineo.audit.AuditTrail;
import io.delineo.domain.Refusal;
import io.delineo.security.CurrentUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Study jobs: start (a parent row and one work item per key, each scheduled on db-scheduler), cancel, retry of
 * failed items, progress; and the item transitions the engine calls. Every transition of one job locks the job's
 * row first, so items finishing at the same moment on different replicas count correctly and exactly one of them
 * closes the job.
 */
@ApplicationScoped
public class StudyJobService {
    @Inject
    JobEngine engine;
    @Inject
    AuditTrail audit;
    @Inject
    @Any
    Instance<JobWork> works;

    public record Progress(long id, String kind, Long studyId, String state, int total, int done, int failed,
                           int cancelled, String requestedBy, OffsetDateTime createdAt, OffsetDateTime finishedAt) {
    }

    /** An item the engine may now run, with the kind of job it belongs to. */
    public record Started(String kind, WorkItem item) {
    }

    /** Creates the job and schedules its items in the caller's transaction: either all exist or none. */
    @Transactional
    public StudyJob start(String kind, Long studyId, String settingsJson, List<String> keys, CurrentUser.Snapshot user) {
        if (keys.isEmpty()) throw Refusal.conflict("there is nothing to do: the study has no cases");
        if (new TreeSet<>(keys).size() != keys.size()) throw Refusal.invalid("work item keys must be distinct");
        StudyJob job = new StudyJob();
        job.kind = kind;
        job.studyId = studyId;
        job.requestedBy = user.name();
        job.requestedById = user.id();
        job.requesterRoles = user.roles().toArray(String[]::new);
        job.settings = settingsJson;
        job.state = StudyJob.QUEUED;
        job.total = keys.size();
        job.persist();
        for (String key : keys) {
            StudyJobItem item = new StudyJobItem();
            item.jobId = job.id;
            item.key = key;
            item.state = StudyJobItem.PENDING;
            item.persist();
        }
        StudyJobItem.flush();
        for (String key : keys) engine.schedule(job.id, key);
        audit.recordAs(user, AuditAction.JOB_START, "study-job", job.id, AuditOutcome.SUCCESS,
                Map.of("kind", kind, "study", String.valueOf(studyId), "items", keys.size()));
        return job;
    }

    /** Pending items will not run; running ones stop at their next check and the job ends CANCELLED. */
    @Transactional
    public StudyJob cancel(long jobId, CurrentUser.Snapshot user) {
        StudyJob job = locked(jobId);
        if (!job.active()) throw Refusal.conflict("job " + jobId + " has already ended (" + job.state + ")");
        StudyJobItem.update("state = ?1, finishedAt = ?2 where jobId = ?3 and state = ?4", StudyJobItem.CANCELLED,
                OffsetDateTime.now(), jobId, StudyJobItem.PENDING);
        setState(job, StudyJob.CANCELLED);
        recountAndMaybeClose(job);
        audit.recordAs(user, AuditAction.JOB_CANCEL, "study-job", jobId, AuditOutcome.SUCCESS,
                Map.of("kind", job.kind, "done", job.done, "total", job.total));
        return job;
    }

    /** Runs the failed items again (their reasons are cleared); the others keep their results. */
    @Transactional
    public StudyJob retryFailed(long jobId, CurrentUser.Snapshot user) {
        StudyJob job = locked(jobId);
        if (job.active()) throw Refusal.conflict("job " + jobId + " is still running; retry once it has ended");
        List<StudyJobItem> failed = StudyJobItem.list("jobId = ?1 and state = ?2", jobId, StudyJobItem.FAILED);
        if (failed.isEmpty()) throw Refusal.conflict("job " + jobId + " has no failed items to retry");
        for (StudyJobItem item : failed) {
            item.state = StudyJobItem.PENDING;
            item.reason = null;
            item.finishedAt = null;
        }
        job.finishedAt = null;
        setState(job, StudyJob.QUEUED);
        StudyJobItem.flush();
        for (StudyJobItem item : failed) engine.schedule(jobId, item.key);
        recountAndMaybeClose(job);
        audit.recordAs(user, AuditAction.JOB_RETRY, "study-job", jobId, AuditOutcome.SUCCESS,
                Map.of("kind", job.kind, "items", failed.size()));
        return job;
    }

    @Transactional
    public Progress progress(long jobId) {
        StudyJob job = StudyJob.findById(jobId);
        if (job == null) throw Refusal.notFound("no job " + jobId);
        return progress(job);
    }

    public static Progress progress(StudyJob j) {
        return new Progress(j.id, j.kind, j.studyId, j.state, j.total, j.done, j.failed, j.cancelled, j.requestedBy,
                j.createdAt, j.finishedAt);
    }

    /** Marks the item running (again, if a replica died while running it); null when there is nothing to run. */
    @Transactional
    public Started begin(long jobId, String key, String runner) {
        StudyJob job = StudyJob.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
        StudyJobItem item = job == null ? null : StudyJobItem.of(jobId, key);
        if (item == null) return null;
        if (!item.state.equals(StudyJobItem.PENDING) && !item.state.equals(StudyJobItem.RUNNING)) return null;
        if (StudyJob.CANCELLED.equals(job.state)) {
            item.state = StudyJobItem.CANCELLED;
            item.finishedAt = OffsetDateTime.now();
            recountAndMaybeClose(job);
            return null;
        }
        item.state = StudyJobItem.RUNNING;
        item.attempts++;
        item.runBy = runner;
        if (StudyJob.QUEUED.equals(job.state)) setState(job, StudyJob.RUNNING);
        CurrentUser.Snapshot user = new CurrentUser.Snapshot(job.requestedById, job.requestedBy,
                Set.copyOf(Arrays.asList(job.requesterRoles)));
        return new Started(job.kind, new WorkItem(jobId, key, job.studyId, job.settings, user,
                () -> cancelled(jobId)));
    }

    /** Records what the item did and closes the job when it was the last one. */
    @Transactional
    public void finish(long jobId, String key, ItemOutcome outcome) {
        StudyJob job = locked(jobId);
        StudyJobItem item = StudyJobItem.of(jobId, key);
        if (item == null || !item.state.equals(StudyJobItem.RUNNING)) return;
        item.state = outcome.failureReason() == null ? StudyJobItem.SUCCEEDED : StudyJobItem.FAILED;
        item.reason = outcome.failureReason();
        item.result = outcome.resultJson();
        item.finishedAt = OffsetDateTime.now();
        recountAndMaybeClose(job);
    }

    static boolean cancelled(long jobId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StudyJob job = StudyJob.findById(jobId);
            return job == null || StudyJob.CANCELLED.equals(job.state);
        });
    }

    private StudyJob locked(long jobId) {
        StudyJob job = StudyJob.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null) throw Refusal.notFound("no job " + jobId);
        return job;
    }

    private void recountAndMaybeClose(StudyJob job) {
        StudyJobItem.flush();
        int pending = 0, running = 0, done = 0, failed = 0, cancelled = 0;
        for (Object[] row : StudyJobItem.getEntityManager().createQuery(
                "select i.state, count(i) from StudyJobItem i where i.jobId = ?1 group by i.state", Object[].class)
                .setParameter(1, job.id).getResultList()) {
            int n = ((Number) row[1]).intValue();
            switch ((String) row[0]) {
                case StudyJobItem.PENDING -> pending = n;
                case StudyJobItem.RUNNING -> running = n;
                case StudyJobItem.SUCCEEDED -> done = n;
                case StudyJobItem.FAILED -> failed = n;
                default -> cancelled = n;
            }
        }
        job.done = done;
        job.failed = failed;
        job.cancelled = cancelled;
        if (pending + running > 0 || job.finishedAt != null) return;
        job.finishedAt = OffsetDateTime.now();
        if (!StudyJob.CANCELLED.equals(job.state)) setState(job, failed > 0 ? StudyJob.FAILED : StudyJob.SUCCEEDED);
    }

    private void setState(StudyJob job, String state) {
        job.state = state;
        for (JobWork w : works) if (w.kind().equals(job.kind)) w.stateChanged(job.id, state);
    }
}
