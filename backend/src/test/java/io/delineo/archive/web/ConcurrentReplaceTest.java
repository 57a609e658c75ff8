package io.delineo.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Tags;
import io.delineo.dicom.VR;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.DicomWriter;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Parallel replace=true uploads of one instance all succeed; the index ends with exactly one of them. */
@QuarkusTest
class ConcurrentReplaceTest {
    static final int UPLOADS = 8;

    @Test
    void parallelReplacementsOfOneInstanceAllSucceed() throws Exception {
        byte[] original = SyntheticDicom.newSeries(1).get(0);
        List<byte[]> variants = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            DicomFile f = DicomReader.read(original);
            f.dataset().setString(Tags.SeriesDescription, VR.LO, "variant " + i);
            variants.add(DicomWriter.toBytes(f));
        }
        String sop = DicomReader.read(original).dataset().getString(Tags.SOPInstanceUID);
        for (int round = 0; round < 2; round++) {
            // round 0: the instance is new; round 1: it exists and every upload replaces it
            ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
            try {
                List<Future<Response>> futures = new ArrayList<>();
                for (byte[] v : variants) {
                    futures.add(pool.submit(() -> DicomWebClient.stow(TestTokens.pi(), List.of(v), "?replace=true")));
                }
                for (Future<Response> fu : futures) {
                    Response r = fu.get();
                    JsonNode body = StowTest.body(r);
                    assertThat(r.statusCode()).as("round " + round + ": " + r.asString()).isEqualTo(200);
                    assertThat(StowTest.items(body, "00081198")).isEmpty();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        given().auth().oauth2(TestTokens.pi()).get("/dicom-web/instances?SOPInstanceUID=" + sop).then().statusCode(200);
    }
}
