package io.delineo.jobs;

import io.delineo.security.CurrentUser;

import java.util.function.BooleanSupplier;

/**
 * One work item as handed to {@link JobWork#run}: the job, the item's key (a case id for per-case jobs), the job's
 * settings, the user on whose behalf it runs, and whether the job has been cancelled meanwhile (long items check it
 * between steps).
 */
public record WorkItem(long jobId, String key, Long studyId, String settings, CurrentUser.Snapshot requestedBy,
                       BooleanSupplier cancelled) {
}
