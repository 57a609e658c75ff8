package io.delineo.interop.product;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.delineo.testing.KeycloakDirectoryStub;
import io.delineo.testing.StudyFixture;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.delineo.testing.ContourGeometry.lesion;
import static io.delineo.testing.ContourGeometry.read;
import static io.delineo.testing.ContourGeometry.square;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Exporting the same read again (SEG and RTSTRUCT) works every time and names the same archived object. */
@QuarkusTest
class ExportAgainTest {
    @OidcWireMock
    WireMockServer keycloak;

    @Test
    void theSameReadExportsTwiceAsSegAndRtstruct() throws Exception {
        KeycloakDirectoryStub.readers(keycloak);
        StudyFixture f = StudyFixture.openStudy(List.of("reader1"), 3);
        given().auth().oauth2(TestTokens.reader("reader1")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(read(List.of(lesion("A", "primary tumour", List.of(square(f.images.get(1), 256, 256, 20))))))
                .put("/api/cases/" + f.caseId + "/my-read").then().statusCode(200);
        long readId = given().auth().oauth2(TestTokens.reader("reader1")).post("/api/cases/" + f.caseId + "/my-read/submit")
                .then().statusCode(200).extract().jsonPath().getLong("readId");
        for (String format : List.of("seg", "rtstruct")) {
            for (int time = 1; time <= 2; time++) {
                // a second apart at least in content time would not matter: the object is replaced, not refused
                var r = given().auth().oauth2(TestTokens.pi()).get("/api/reads/" + readId + "/export?format=" + format);
                assertThat(r.statusCode()).as(format + " export " + time + ": " + r.asString()).isEqualTo(200);
                assertThat(new String(r.asByteArray(), 128, 4)).isEqualTo("DICM");
            }
        }
    }
}
