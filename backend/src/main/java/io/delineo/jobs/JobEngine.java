package io.delineo.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.agroal.api.AgroalDataSource;
import io.delineo.platform.StartupChecks;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * db-scheduler inside the portal: every replica runs a scheduler on the portal's DataSource, picks due work items
 * from {@code scheduled_tasks} and heartbeats the ones it runs. When a replica dies, its items stop heartbeating and
 * after {@code missed-heartbeats × heartbeat-interval} another replica revives and runs them. Started once Flyway has
 * migrated (StartupChecks.Ready), stopped on shutdown after a short grace period.
 */
@ApplicationScoped
public class JobEngine {
    private static final Logger LOG = Logger.getLogger(JobEngine.class);
    public static final String TASK = "study-job-item";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    StudyJobService jobs;
    @Inject
    @Any
    Instance<JobWork> works;

    @ConfigProperty(name = "delineo.jobs.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "delineo.jobs.threads", defaultValue = "2")
    int threads;
    @ConfigProperty(name = "delineo.jobs.poll-interval", defaultValue = "2S")
    Duration pollInterval;
    @ConfigProperty(name = "delineo.jobs.heartbeat-interval", defaultValue = "15S")
    Duration heartbeatInterval;
    @ConfigProperty(name = "delineo.jobs.missed-heartbeats", defaultValue = "4")
    int missedHeartbeats;
    @ConfigProperty(name = "delineo.jobs.shutdown-grace", defaultValue = "10S")
    Duration shutdownGrace;
    @ConfigProperty(name = "delineo.jobs.replica-name")
    Optional<String> replicaName;

    private final OneTimeTask<Void> task = Tasks.oneTime(TASK, Void.class).onDeadExecutionRevive()
            .execute((instance, context) -> runItem(instance.getId(), context.getExecution().pickedBy));
    private volatile SchedulerClient client;
    private volatile Scheduler scheduler;

    void onReady(@Observes StartupChecks.Ready ready) {
        if (!enabled) {
            LOG.info("background jobs are not run by this replica (delineo.jobs.enabled=false)");
            return;
        }
        scheduler = newScheduler(replicaName.orElseGet(JobEngine::defaultName));
        scheduler.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        Scheduler s = scheduler;
        if (s != null) s.stop();
    }

    /** A scheduler on this portal's tables and settings; tests start a second one to stand for another replica. */
    public Scheduler newScheduler(String name) {
        return Scheduler.create(dataSource, task).schedulerName(new SchedulerName.Fixed(name)).threads(threads)
                .pollingInterval(pollInterval).heartbeatInterval(heartbeatInterval)
                .missedHeartbeatsLimit(missedHeartbeats).shutdownMaxWait(shutdownGrace).enableImmediateExecution()
                .build();
    }

    /**
     * Schedules the item {@code <job>:<key>} to run now. Called inside the transaction that creates the item: the
     * execution row is written on the same (enlisted) connection and commits or rolls back with it.
     */
    void schedule(long jobId, String key) {
        SchedulerClient c = client;
        if (c == null) client = c = SchedulerClient.Builder.create(dataSource, task).build();
        c.scheduleIfNotExists(task.instance(jobId + ":" + key), Instant.now());
    }

    /** Runs one item as db-scheduler does; public so a test can run an item a second time. */
    public void runItem(String instanceId, String runner) {
        int colon = instanceId.indexOf(':');
        long jobId = Long.parseLong(instanceId.substring(0, colon));
        String key = instanceId.substring(colon + 1);
        StudyJobService.Started started = jobs.begin(jobId, key, runner);
        if (started == null) return;
        ItemOutcome outcome;
        try {
            outcome = work(started.kind()).run(started.item());
        } catch (Exception e) {
            LOG.warnf("job %d, item %s failed: %s", jobId, key, e.getMessage());
            outcome = ItemOutcome.failed(null, reason(e));
        }
        jobs.finish(jobId, key, outcome);
    }

    private JobWork work(String kind) {
        for (JobWork w : works) if (w.kind().equals(kind)) return w;
        throw new IllegalStateException("no work is registered for jobs of kind '" + kind + "'");
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e.getCause(); message == null && t != null; t = t.getCause()) message = t.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
    }
}
