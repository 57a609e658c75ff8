package io.delineo.jobs;

import io.delineo.storage.ObjectStorage;
import io.delineo.storage.StorageArea;
import io.delineo.archive.Instance;
import io.delineo.archive.Series;
import io.delineo.dicom.UidGenerator;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.delineo.testing.ContourGeometry.lesion;
import static io.delineo.testing.ContourGeometry.read;
import static io.delineo.testing.ContourGeometry.square;
import static io.restassured.RestAssured.given;

/** A reader study of a few cases, each with an approved consensus ROI, for feature jobs run on the job engine. */
final class FeatureJobCohort {
    static final String SETTINGS = "{\"discretisation\": {\"method\": \"FBN\", \"value\": 16}}";

    final long studyId;
    final List<Long> caseIds = new ArrayList<>();
    final List<String> seriesUids = new ArrayList<>();

    FeatureJobCohort(int cases) {
        String tag = UidGenerator.newUid();
        studyId = given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("name", "jobs " + tag.substring(tag.length() - 12), "lesionLabels",
                        List.of("primary tumour"), "phases", List.of("CT_PORTAL_VENOUS"), "readers", List.of("reader1")))
                .post("/api/reader-studies").then().statusCode(201).extract().jsonPath().getLong("id");
        for (int n = 0; n < cases; n++) {
            String st = UidGenerator.newUid(), se = UidGenerator.newUid();
            List<byte[]> images = SyntheticDicom.newSeries(4, st, se, "JOB-" + n);
            DicomWebClient.stow(TestTokens.pi(), images, null).then().statusCode(200);
            long caseId = given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                    .body(Map.of("studyInstanceUid", st, "series", Map.of("CT_PORTAL_VENOUS", se)))
                    .post("/api/reader-studies/" + studyId + "/cases").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            List<Map<String, Object>> contours = new ArrayList<>();
            for (int s = 1; s <= 2; s++) contours.add(square(images.get(s), 260 + 10 * n, 300, 12 + n));
            given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                    .body(Map.of("method", "edited", "content", read(List.of(lesion("L", "primary tumour", contours)))))
                    .post("/api/cases/" + caseId + "/consensus").then().statusCode(201);
            given().auth().oauth2(TestTokens.pi()).post("/api/cases/" + caseId + "/consensus/1/approve")
                    .then().statusCode(200);
            caseIds.add(caseId);
            seriesUids.add(se);
        }
    }

    long startJob() {
        return given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body(SETTINGS)
                .post("/api/reader-studies/" + studyId + "/feature-jobs").then().statusCode(202)
                .extract().jsonPath().getLong("id");
    }

    JsonPath job(long jobId) {
        return given().auth().oauth2(TestTokens.pi()).get("/api/reader-studies/" + studyId + "/feature-jobs/" + jobId)
                .then().statusCode(200).extract().jsonPath();
    }

    String status(long jobId) {
        return job(jobId).getString("status");
    }

    long studyJobOf(long featureJobId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) StudyJob.getEntityManager()
                .createNativeQuery("select study_job_fk from feature_job where id = ?1").setParameter(1, featureJobId)
                .getSingleResult()).longValue());
    }

    /** Feature sets stored per case, and in all (one ROI per case here). */
    long featureSets(long caseId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) StudyJob.getEntityManager()
                .createNativeQuery("select count(*) from feature_set where case_fk = ?1").setParameter(1, caseId)
                .getSingleResult()).longValue());
    }

    /** Moves one stored image of the case's series away (its data is then missing); returns how to put it back. */
    Runnable removeOneImage(ObjectStorage storage, int caseIndex) throws IOException {
        String sha = QuarkusTransaction.requiringNew().call(() -> Instance.ofSeries(
                Series.findByUid(seriesUids.get(caseIndex)).orElseThrow()).get(0).fileSha256);
        String key = StorageArea.DICOM.contentKey(sha);
        byte[] bytes = storage.read(StorageArea.DICOM, key);
        storage.delete(StorageArea.DICOM, key);
        return () -> {
            try {
                storage.put(StorageArea.DICOM, key, bytes);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static StudyJobItem item(long studyJobId, long caseId) {
        return QuarkusTransaction.requiringNew().call(() -> StudyJobItem.of(studyJobId, String.valueOf(caseId)));
    }

    static StudyJob studyJob(long id) {
        return QuarkusTransaction.requiringNew().call(() -> StudyJob.<StudyJob>findById(id));
    }
}
