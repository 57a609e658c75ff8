package io.delineo.storage;

import io.delineo.testing.DicomWebClient;
import io.delineo.testing.S3ProxyTestResource;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** STOW-RS then WADO-RS with {@code delineo.storage.kind=s3}: the instances live in the bucket, not on local disk. */
@QuarkusTest
@TestProfile(ArchiveOnS3Test.OnS3.class)
class ArchiveOnS3Test {
    public static class OnS3 implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3ProxyTestResource.class));
        }
    }

    @Inject
    ObjectStorage storage;
    @ConfigProperty(name = "delineo.data-dir")
    String dataDir;

    @Test
    void storedInstancesAreRetrievedFromTheBucket() throws Exception {
        assertThat(storage).isInstanceOf(S3ObjectStorage.class);
        String study = "2.25." + Math.abs(UUID.randomUUID().getMostSignificantBits());
        String series = study + ".1";
        List<byte[]> objects = SyntheticDicom.newSeries(3, study, series, "S3-PATIENT");
        int before = storage.list(StorageArea.DICOM, "").size();

        assertThat(DicomWebClient.stow(TestTokens.pi(), objects, null).statusCode()).isEqualTo(200);
        assertThat(storage.list(StorageArea.DICOM, "")).hasSize(before + 3);
        try (Stream<Path> local = Files.walk(Path.of(dataDir))) {
            assertThat(local.filter(f -> f.toString().endsWith(".dcm") || f.toString().endsWith(".part")).toList())
                    .as("no instance (or staged upload) is kept on local disk").isEmpty();
        }

        Response all = given().auth().oauth2(TestTokens.pi())
                .accept("multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                .get("/dicom-web/studies/" + study + "/series/" + series);
        assertThat(all.statusCode()).isEqualTo(200);
        List<byte[]> parts = DicomWebClient.parts(all);
        assertThat(parts).hasSize(3);
        for (byte[] o : objects) assertThat(parts).anyMatch(p -> java.util.Arrays.equals(p, o));

        String sop = SyntheticDicom.sopOf(objects.get(1));
        Response frame = given().auth().oauth2(TestTokens.pi())
                .accept("multipart/related; type=\"application/octet-stream\"; transfer-syntax=*")
                .get("/dicom-web/studies/" + study + "/series/" + series + "/instances/" + sop + "/frames/1");
        assertThat(frame.statusCode()).isEqualTo(200);
        assertThat(DicomWebClient.parts(frame)).hasSize(1);
        assertThat(DicomWebClient.parts(frame).get(0)).isNotEmpty();
    }
}
