package io.delineo.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.delineo.testing.Await;
import io.delineo.testing.KeycloakDirectoryStub;
import io.delineo.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Replicas are db-scheduler instances on the same PostgreSQL, started here under their own names (the portal's own
 * scheduler is off in this profile). A replica that dies mid-item leaves its execution picked with a heartbeat that
 * stops; another replica declares it dead after missed heartbeats (4 × 0.5 s in tests), revives it and the job
 * completes with every result stored once.
 */
@QuarkusTest
@TestProfile(JobsOffProfile.class)
class ReplicaFailoverTest {
    @OidcWireMock
    WireMockServer keycloak;
    @Inject
    JobEngine engine;

    @BeforeEach
    void readers() {
        KeycloakDirectoryStub.readers(keycloak);
    }

    @Test
    void itemsOfAReplicaThatDiedArePickedUpByAnotherAndNothingIsLostOrDuplicated() {
        FeatureJobCohort cohort = new FeatureJobCohort(4);
        long job = cohort.startJob();
        long studyJob = cohort.studyJobOf(job);
        long victim = cohort.caseIds.get(1);
        String instance = studyJob + ":" + victim;
        // replica "dead-replica" picked the item, started it, then was killed: no more heartbeats
        QuarkusTransaction.requiringNew().run(() -> {
            int picked = StudyJob.getEntityManager().createNativeQuery("update scheduled_tasks set picked = true, "
                            + "picked_by = 'dead-replica', last_heartbeat = now() - interval '1 minute', "
                            + "version = version + 1 where task_name = ?1 and task_instance = ?2 and not picked")
                    .setParameter(1, JobEngine.TASK).setParameter(2, instance).executeUpdate();
            assertThat(picked).isEqualTo(1);
            StudyJobItem.update("state = ?1, attempts = 1, runBy = 'dead-replica' where jobId = ?2 and key = ?3",
                    StudyJobItem.RUNNING, studyJob, String.valueOf(victim));
        });
        assertThat(cohort.status(job)).isEqualTo("QUEUED");

        Scheduler a = engine.newScheduler("replica-a"), b = engine.newScheduler("replica-b");
        a.start();
        b.start();
        try {
            Await.until("feature job done", () -> "DONE".equals(cohort.status(job)));
        } finally {
            a.stop();
            b.stop();
        }
        JsonPath view = cohort.job(job);
        assertThat(view.getString("cases.state")).isEqualTo("SUCCEEDED");
        assertThat(view.getInt("cases.done")).isEqualTo(4);
        assertThat(view.getInt("done")).isEqualTo(4);
        assertThat(view.getInt("failed")).isZero();
        for (long c : cohort.caseIds) assertThat(cohort.featureSets(c)).isEqualTo(1);
        StudyJobItem revived = FeatureJobCohort.item(studyJob, victim);
        assertThat(revived.state).isEqualTo(StudyJobItem.SUCCEEDED);
        assertThat(revived.attempts).isEqualTo(2);
        assertThat(revived.runBy).isIn("replica-a", "replica-b");
        assertThat(scheduledExecutions(studyJob)).isZero();
    }

    @Test
    void cancelledItemsAreNotRunAndTheJobEndsCancelled() {
        FeatureJobCohort cohort = new FeatureJobCohort(3);
        long job = cohort.startJob();
        long studyJob = cohort.studyJobOf(job);
        JsonPath cancelled = given().auth().oauth2(TestTokens.pi())
                .post("/api/reader-studies/" + cohort.studyId + "/feature-jobs/" + job + "/cancel")
                .then().statusCode(200).extract().jsonPath();
        assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.getInt("cases.cancelled")).isEqualTo(3);
        given().auth().oauth2(TestTokens.pi())
                .post("/api/reader-studies/" + cohort.studyId + "/feature-jobs/" + job + "/cancel")
                .then().statusCode(409).body("message", containsString("already ended"));

        // a replica now picks the cancelled items' executions: they end without computing anything
        Scheduler a = engine.newScheduler("replica-a");
        a.start();
        try {
            Await.until("cancelled executions drained", () -> scheduledExecutions(studyJob) == 0);
        } finally {
            a.stop();
        }
        for (long c : cohort.caseIds) assertThat(cohort.featureSets(c)).isZero();
        StudyJob after = FeatureJobCohort.studyJob(studyJob);
        assertThat(after.state).isEqualTo(StudyJob.CANCELLED);
        assertThat(after.cancelled).isEqualTo(3);
        assertThat(after.finishedAt).isNotNull();
        for (long c : cohort.caseIds) {
            assertThat(FeatureJobCohort.item(studyJob, c).attempts).isZero();
        }
        // a new job may start once this one is cancelled
        cohort.startJob();
    }

    private static long scheduledExecutions(long studyJob) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) StudyJob.getEntityManager()
                .createNativeQuery("select count(*) from scheduled_tasks where task_name = ?1 and task_instance like ?2")
                .setParameter(1, JobEngine.TASK).setParameter(2, studyJob + ":%").getSingleResult()).longValue());
    }
}
