package io.delineo.interop.product;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.delineo.archive.DemoArchiveLoader;
import io.delineo.testing.KeycloakDirectoryStub;
import io.delineo.testing.StudyFixture;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.delineo.testing.ContourGeometry.lesion;
import static io.delineo.testing.ContourGeometry.read;
import static io.delineo.testing.ContourGeometry.square;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class InteropApiTest {
    @OidcWireMock
    WireMockServer keycloak;
    @Inject
    DemoArchiveLoader archive;

    StudyFixture f;
    long readId;

    @BeforeEach
    void reader1Submitted() {
        KeycloakDirectoryStub.readers(keycloak);
        f = StudyFixture.openStudy(List.of("reader1", "reader2"), 5);
        List<Map<String, Object>> contours = new ArrayList<>();
        for (int s = 1; s <= 3; s++) contours.add(square(f.images.get(s), 256, 256, 20));
        // a second lesion with a hole: a ring
        List<Map<String, Object>> ring = List.of(square(f.images.get(2), 150, 150, 30), square(f.images.get(2), 150, 150, 10));
        given().auth().oauth2(TestTokens.reader("reader1")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(read(List.of(lesion("A", "primary tumour", contours), lesion("B", "liver metastasis", ring))))
                .put("/api/cases/" + f.caseId + "/my-read").then().statusCode(200);
        readId = given().auth().oauth2(TestTokens.reader("reader1")).post("/api/cases/" + f.caseId + "/my-read/submit")
                .then().statusCode(200).extract().jsonPath().getLong("readId");
    }

    byte[] export(String token, String format) {
        Response r = given().auth().oauth2(token).get("/api/reads/" + readId + "/export?format=" + format);
        r.then().statusCode(200);
        return r.asByteArray();
    }

    void importAs(String reader, byte[] object, String name) {
        given().auth().oauth2(TestTokens.pi()).multiPart("file", name, object, "application/dicom")
                .multiPart("reader", reader).post("/api/cases/" + f.caseId + "/reads/import").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
    }

    void assertIdenticalToReader1() {
        var a = given().auth().oauth2(TestTokens.pi()).get("/api/cases/" + f.caseId + "/agreement").then().statusCode(200)
                .extract().jsonPath();
        assertThat(a.getList("lesions")).hasSize(2);
        for (int l = 0; l < 2; l++) {
            assertThat(a.getDouble("lesions[" + l + "].pairs[0].dice")).isEqualTo(1.0);
            assertThat(a.getDouble("lesions[" + l + "].readers[0].volumeMl"))
                    .isEqualTo(a.getDouble("lesions[" + l + "].readers[1].volumeMl"));
        }
    }

    @Test
    void segExportedThenImportedAsAnotherReaderGivesTheSameVoxels() {
        byte[] seg = export(TestTokens.reader("reader1"), "seg");
        assertThat(new String(seg, 128, 4)).isEqualTo("DICM");
        importAs("reader2", seg, "seg.dcm");
        assertIdenticalToReader1();
        // the export is in the archive for any DICOMweb client
        assertThat(given().auth().oauth2(TestTokens.pi()).get("/dicom-web/studies/" + f.studyUid + "/series?Modality=SEG")
                .jsonPath().getList("$")).hasSize(1);
    }

    @Test
    void rtstructExportedThenImportedGivesTheSameVoxels() {
        importAs("reader2", export(TestTokens.pi(), "rtstruct"), "rs.dcm");
        assertIdenticalToReader1();
    }

    @Test
    void niftiAndVolumeCsv() {
        byte[] nii = export(TestTokens.pi(), "nifti");
        assertThat(nii[0] & 0xff).isEqualTo(0x1f);
        assertThat(nii[1] & 0xff).isEqualTo(0x8b);
        String csv = new String(export(TestTokens.pi(), "csv"));
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("label,name,voxels,volume_ml");
        assertThat(csv).contains("1,primary tumour,1200,").contains("2,liver metastasis,800,");
    }

    @Test
    void exportsAreForThePiOrTheReadsOwnReader() {
        given().auth().oauth2(TestTokens.reader("reader2")).get("/api/reads/" + readId + "/export?format=seg")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.board()).get("/api/reads/" + readId + "/export?format=seg")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.pi()).get("/api/reads/" + readId + "/export?format=png")
                .then().statusCode(400).body("message", containsString("format"));
    }

    @Test
    void importsRefuseWhatDoesNotFit() {
        given().auth().oauth2(TestTokens.pi()).multiPart("file", "x.dcm", "nonsense".getBytes(), "application/dicom")
                .multiPart("reader", "reader2").post("/api/cases/" + f.caseId + "/reads/import").then().statusCode(400)
                .body("message", containsString("not a readable DICOM object"));
        given().auth().oauth2(TestTokens.pi()).multiPart("file", "ct.dcm", f.images.get(0), "application/dicom")
                .multiPart("reader", "reader2").post("/api/cases/" + f.caseId + "/reads/import").then().statusCode(400)
                .body("message", containsString("only RT Structure Sets and Segmentations"));
        byte[] seg = export(TestTokens.pi(), "seg");
        given().auth().oauth2(TestTokens.pi()).multiPart("file", "seg.dcm", seg, "application/dicom")
                .multiPart("reader", "someone").post("/api/cases/" + f.caseId + "/reads/import").then().statusCode(400)
                .body("message", containsString("not a reader of this study"));
    }

    @Test
    void theMimRtstructOfTheDemoCtImportsOntoItsCase() throws Exception {
        archive.load(Path.of("demo-data/pancreatic-ct"));
        long study = given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("name", "interop demo " + System.nanoTime(), "lesionLabels", List.of("organ at risk"),
                        "phases", List.of("CT_PORTAL_VENOUS"), "readers", List.of("reader1")))
                .post("/api/reader-studies").then().statusCode(201).extract().jsonPath().getLong("id");
        String demoStudy = "1.3.6.1.4.1.14519.5.2.1.21087345762211724523378497892240459677";
        String series = given().auth().oauth2(TestTokens.pi()).get("/dicom-web/studies/" + demoStudy + "/series?Modality=CT")
                .jsonPath().getString("[0].'0020000E'.Value[0]");
        long caseId = given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("studyInstanceUid", demoStudy, "series", Map.of("CT_PORTAL_VENOUS", series)))
                .post("/api/reader-studies/" + study + "/cases").then().statusCode(201).extract().jsonPath().getLong("id");
        Path rs;
        try (var files = Files.walk(Path.of("src/test/resources/interop/pancreatic-ct-rtstruct"))) {
            rs = files.filter(p -> p.toString().endsWith(".dcm")).findFirst().orElseThrow();
        }
        given().auth().oauth2(TestTokens.pi()).multiPart("file", "rs.dcm", Files.readAllBytes(rs), "application/dicom")
                .multiPart("reader", "reader1").post("/api/cases/" + caseId + "/reads/import").then().log().ifValidationFails().statusCode(200)
                .body("content.lesions.size()", equalTo(5))
                .body("content.lesions[0].label", equalTo("organ at risk"));
    }
}
