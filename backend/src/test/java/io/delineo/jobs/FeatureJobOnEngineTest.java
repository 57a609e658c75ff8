package io.delineo.jobs;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.agroal.api.AgroalDataSource;
import io.delineo.storage.ObjectStorage;
import io.delineo.testing.Await;
import io.delineo.testing.AuditRows;
import io.delineo.testing.KeycloakDirectoryStub;
import io.delineo.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Feature jobs as per-case work items on db-scheduler: completion, a case with missing data, retry, double runs. */
@QuarkusTest
class FeatureJobOnEngineTest {
    @OidcWireMock
    WireMockServer keycloak;
    @Inject
    ObjectStorage store;
    @Inject
    JobEngine engine;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void readers() {
        KeycloakDirectoryStub.readers(keycloak);
    }

    @Test
    void aCaseWithMissingDataFailsWithItsReasonTheOthersSucceedAndRetryCompletesIt() throws Exception {
        FeatureJobCohort cohort = new FeatureJobCohort(4);
        Runnable restore = cohort.removeOneImage(store, 2);
        long auditFrom = AuditRows.lastSeq(dataSource);
        long job = cohort.startJob();
        long studyJob = cohort.studyJobOf(job);
        Await.until("feature job ended", () -> !List.of("QUEUED", "RUNNING").contains(cohort.status(job)));

        JsonPath view = cohort.job(job);
        assertThat(view.getString("status")).isEqualTo("DONE");
        assertThat(view.getString("cases.state")).isEqualTo("FAILED");
        assertThat(view.getInt("cases.total")).isEqualTo(4);
        assertThat(view.getInt("cases.done")).isEqualTo(3);
        assertThat(view.getInt("cases.failed")).isEqualTo(1);
        assertThat(view.getInt("done")).isEqualTo(3);
        assertThat(view.getInt("failed")).isEqualTo(1);
        long missingCase = cohort.caseIds.get(2);
        assertThat(view.getList("errors", String.class)).singleElement().asString()
                .startsWith("case " + missingCase + ", CT_PORTAL_VENOUS, consensus: ");
        StudyJobItem failed = FeatureJobCohort.item(studyJob, missingCase);
        assertThat(failed.state).isEqualTo(StudyJobItem.FAILED);
        assertThat(failed.reason).startsWith("1 of 1 ROIs failed: case " + missingCase);
        for (int i = 0; i < 4; i++) {
            assertThat(cohort.featureSets(cohort.caseIds.get(i))).isEqualTo(i == 2 ? 0 : 1);
        }
        // retry is refused while nothing failed is left, and for a job that is still running: here it is allowed
        restore.run();
        given().auth().oauth2(TestTokens.pi())
                .post("/api/reader-studies/" + cohort.studyId + "/feature-jobs/" + job + "/retry")
                .then().statusCode(200);
        Await.until("retried job ended", () -> !List.of("QUEUED", "RUNNING").contains(cohort.status(job)));
        view = cohort.job(job);
        assertThat(view.getString("cases.state")).isEqualTo("SUCCEEDED");
        assertThat(view.getInt("failed")).isZero();
        assertThat(view.getList("errors")).isEmpty();
        assertThat(view.getInt("done")).isEqualTo(4);
        assertThat(FeatureJobCohort.item(studyJob, missingCase).attempts).isEqualTo(2);
        for (long c : cohort.caseIds) assertThat(cohort.featureSets(c)).isEqualTo(1);
        given().auth().oauth2(TestTokens.pi())
                .post("/api/reader-studies/" + cohort.studyId + "/feature-jobs/" + job + "/retry")
                .then().statusCode(409).body("message", containsString("no failed items"));
        given().auth().oauth2(TestTokens.pi())
                .post("/api/reader-studies/" + cohort.studyId + "/feature-jobs/" + job + "/cancel")
                .then().statusCode(409).body("message", containsString("already ended"));
        given().auth().oauth2(TestTokens.reader("reader1"))
                .post("/api/reader-studies/" + cohort.studyId + "/feature-jobs/" + job + "/retry")
                .then().statusCode(403);

        // start and retry are audited with the PI; each ROI's computation on the PI's behalf
        List<AuditRows.Row> rows = AuditRows.after(dataSource, auditFrom);
        assertThat(rows).filteredOn(r -> r.action().equals("JOB_START")).singleElement()
                .satisfies(r -> assertThat(r.resourceId()).isEqualTo(String.valueOf(studyJob)))
                .satisfies(r -> assertThat(r.user()).isEqualTo("pi"));
        assertThat(rows).filteredOn(r -> r.action().equals("JOB_RETRY")).singleElement()
                .satisfies(r -> assertThat(r.user()).isEqualTo("pi"));
        assertThat(rows).filteredOn(r -> r.action().equals("FEATURE_COMPUTE")).hasSize(4)
                .allSatisfy(r -> assertThat(r.user()).isEqualTo("pi"));
    }

    @Test
    void anItemRunTwiceStoresOneResult() {
        FeatureJobCohort cohort = new FeatureJobCohort(2);
        long job = cohort.startJob();
        long studyJob = cohort.studyJobOf(job);
        Await.until("feature job done", () -> "DONE".equals(cohort.status(job)));
        long caseId = cohort.caseIds.get(0);
        assertThat(cohort.featureSets(caseId)).isEqualTo(1);

        // as if a replica had been declared dead while it was still running the item: it runs a second time
        QuarkusTransaction.requiringNew().run(() -> StudyJobItem.update("state = ?1 where jobId = ?2 and key = ?3",
                StudyJobItem.RUNNING, studyJob, String.valueOf(caseId)));
        engine.runItem(studyJob + ":" + caseId, "second-runner");

        assertThat(cohort.featureSets(caseId)).isEqualTo(1);
        StudyJobItem item = FeatureJobCohort.item(studyJob, caseId);
        assertThat(item.state).isEqualTo(StudyJobItem.SUCCEEDED);
        assertThat(item.attempts).isEqualTo(2);
        assertThat(item.runBy).isEqualTo("second-runner");
        JsonPath view = cohort.job(job);
        assertThat(view.getInt("total")).isEqualTo(2);
        assertThat(view.getInt("done") + view.getInt("skipped")).isEqualTo(2);
        assertThat(view.getString("cases.state")).isEqualTo("SUCCEEDED");
        assertThat(view.getInt("cases.done")).isEqualTo(2);
    }
}
