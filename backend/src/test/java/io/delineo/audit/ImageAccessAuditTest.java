package io.delineo.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delineo.dicom.UidGenerator;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: image reads are audited per user, series and access window, and the trail stays whole under load. */
@QuarkusTest
class ImageAccessAuditTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AccessRecorder accesses;
    @Inject
    AuditCheckpoints checkpoints;
    @Inject
    AuditTrailTest.Probe probe;

    record StoredSeries(String study, String series, List<String> sops) {
        String frame(String sop) {
            return "/dicom-web/studies/" + study + "/series/" + series + "/instances/" + sop + "/frames/1";
        }
    }

    static StoredSeries storeSeries(int instances) {
        String study = UidGenerator.newUid();
        String series = UidGenerator.newUid();
        List<byte[]> objects = SyntheticDicom.newSeries(instances, study, series, "AX-" + series.substring(series.length() - 6));
        assertThat(DicomWebClient.stow(TestTokens.pi(), objects, null).statusCode()).isEqualTo(200);
        return new StoredSeries(study, series, objects.stream().map(SyntheticDicom::sopOf).toList());
    }

    static JsonNode accessEvents(String series) throws Exception {
        String body = given().auth().oauth2(TestTokens.admin())
                .queryParam("action", AccessRecorder.ACTION).queryParam("resourceId", series).queryParam("size", 100)
                .when().get("/api/audit").then().statusCode(200).extract().asString();
        return JSON.readTree(body).get("items");
    }

    /** details is a JSON column: served as an object or as its text, depending on the mapping */
    static JsonNode details(JsonNode event) throws Exception {
        JsonNode d = event.get("details");
        return d.isTextual() ? JSON.readTree(d.asText()) : d;
    }

    @Test
    void twoUsersReadingFramesOfASeriesGiveOneAccessEventEachWithCounts() throws Exception {
        StoredSeries s = storeSeries(3);
        for (String sop : s.sops()) {
            given().auth().oauth2(TestTokens.pi()).get(s.frame(sop)).then().statusCode(200);
            given().auth().oauth2(TestTokens.pi()).get(s.frame(sop)).then().statusCode(200);
        }
        given().auth().oauth2(TestTokens.admin()).get(s.frame(s.sops().get(0))).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin())
                .get("/dicom-web/studies/" + s.study() + "/series/" + s.series() + "/metadata").then().statusCode(200);

        accesses.closeOpenWindows();

        JsonNode events = accessEvents(s.series());
        assertThat(events).hasSize(2);
        for (JsonNode e : events) {
            JsonNode d = details(e);
            assertThat(d.get("study").asText()).isEqualTo(s.study());
            assertThat(d.get("series").asText()).isEqualTo(s.series());
            assertThat(d.get("countsComplete").asBoolean()).isTrue();
            assertThat(d.get("windowEnd").asText()).isGreaterThan(d.get("windowStart").asText());
            assertThat(e.get("resourceType").asText()).isEqualTo("series");
            switch (e.get("userName").asText()) {
                case "pi" -> {
                    assertThat(d.get("requests").asInt()).isEqualTo(6);
                    assertThat(d.get("instances").asInt()).isEqualTo(3);
                    assertThat(d.get("frames").asInt()).isEqualTo(6);
                    assertThat(d.get("metadataRequests").asInt()).isZero();
                }
                case "admin" -> {
                    assertThat(d.get("requests").asInt()).isEqualTo(2);
                    assertThat(d.get("instances").asInt()).isEqualTo(3);
                    assertThat(d.get("frames").asInt()).isEqualTo(1);
                    assertThat(d.get("metadataRequests").asInt()).isEqualTo(1);
                }
                default -> throw new AssertionError("unexpected reader " + e.get("userName"));
            }
        }
    }

    @Test
    void verifyStaysOkUnderConcurrentReadsAndWrites() throws Exception {
        StoredSeries s = storeSeries(4);
        int threads = 8;
        int readsPerThread = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String token = TestTokens.token("load-reader-" + (t % 2), "pi");
                int offset = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < readsPerThread; i++) {
                        String sop = s.sops().get((i + offset) % s.sops().size());
                        given().auth().oauth2(token).get(s.frame(sop)).then().statusCode(200);
                    }
                }));
            }
            work.add(pool.submit(() -> {
                for (int i = 0; i < 20; i++) probe.record("concurrent-write-" + i);
            }));
            for (Future<?> f : work) f.get();
        } finally {
            pool.shutdown();
        }
        accesses.closeOpenWindows();
        assertThat(checkpoints.writeNow()).isPresent();

        JsonNode events = accessEvents(s.series());
        assertThat(events).hasSize(2);
        int frames = 0;
        for (JsonNode e : events) {
            frames += details(e).get("frames").asInt();
        }
        assertThat(frames).isEqualTo(threads * readsPerThread);
        given().auth().oauth2(TestTokens.pi()).when().get("/api/audit/verify")
                .then().statusCode(200)
                .body("ok", org.hamcrest.Matchers.equalTo(true))
                .body("checkpointsChecked", org.hamcrest.Matchers.greaterThan(0));
    }
}
