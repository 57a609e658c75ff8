package io.delineo.testing;

import io.delineo.dicom.UidGenerator;
import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** An open reader study with one case on a freshly stored CT series, for API tests. */
public final class StudyFixture {
    public final long studyId;
    public final long caseId;
    public final String studyUid;
    public final String seriesUid;
    public final List<byte[]> images;

    private StudyFixture(long studyId, long caseId, String studyUid, String seriesUid, List<byte[]> images) {
        this.studyId = studyId;
        this.caseId = caseId;
        this.studyUid = studyUid;
        this.seriesUid = seriesUid;
        this.images = images;
    }

    public static StudyFixture openStudy(List<String> readers, int slices) {
        String studyUid = UidGenerator.newUid(), seriesUid = UidGenerator.newUid();
        List<byte[]> images = SyntheticDicom.newSeries(slices, studyUid, seriesUid, "RS-" + studyUid.substring(5, 13));
        assertThat(DicomWebClient.stow(TestTokens.pi(), images, null).statusCode()).isEqualTo(200);
        long study = given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("name", "Study " + studyUid.substring(5, 12), "purpose", "test",
                        "lesionLabels", List.of("primary tumour", "liver metastasis"),
                        "phases", List.of("CT_ARTERIAL", "CT_PORTAL_VENOUS"), "readers", readers))
                .post("/api/reader-studies").then().statusCode(201).extract().jsonPath().getLong("id");
        long caseId = given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON)
                .body(Map.of("studyInstanceUid", studyUid, "series", Map.of("CT_PORTAL_VENOUS", seriesUid)))
                .post("/api/reader-studies/" + study + "/cases").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(TestTokens.pi()).contentType(ContentType.JSON).body(Map.of("status", "OPEN"))
                .post("/api/reader-studies/" + study + "/status").then().statusCode(200);
        return new StudyFixture(study, caseId, studyUid, seriesUid, images);
    }
}
