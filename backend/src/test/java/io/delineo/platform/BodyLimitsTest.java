package io.delineo.platform;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.delineo.contour.ReadContent;
import io.delineo.contour.ReadValidator;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.KeycloakDirectoryStub;
import io.delineo.testing.StudyFixture;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.TestTokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/**
 * Oversized bodies are refused with 413 naming the limit before they are parsed (declared Content-Length) or as soon
 * as a chunked body passes it; reads beyond the contour limits are a 400 naming the limit; nothing is stored.
 */
@QuarkusTest
class BodyLimitsTest {
    @OidcWireMock
    WireMockServer keycloak;
    @Inject
    BodyLimits limits;
    @TestHTTPResource("/")
    URL base;

    long stowBefore, jsonBefore;
    StudyFixture f;

    @BeforeEach
    void smallLimits() {
        KeycloakDirectoryStub.readers(keycloak);
        f = StudyFixture.openStudy(List.of("reader1"), 3);
        BodyLimits l = ClientProxy.unwrap(limits);
        stowBefore = l.stowBytes;
        jsonBefore = l.jsonBytes;
        l.stowBytes = 100_000;
        l.jsonBytes = 20_000;
    }

    @AfterEach
    void restore() {
        BodyLimits l = ClientProxy.unwrap(limits);
        l.stowBytes = stowBefore;
        l.jsonBytes = jsonBefore;
    }

    String bigRead() {
        List<Map<String, Object>> contours = new ArrayList<>();
        for (int i = 0; i < 200; i++) contours.add(square(f.images.get(1), 256, 256, 20));
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
                        read(List.of(lesion("A", "primary tumour", contours)))).toString();
    }

    HttpResponse<String> put(String json, boolean chunked) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "")
                        + "/api/cases/" + f.caseId + "/my-read"))
                .header("Authorization", "Bearer " + TestTokens.reader("reader1"))
                .header("Content-Type", "application/json").header("If-Match", "\"0\"").PUT(body).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    void nothingSaved() {
        given().auth().oauth2(TestTokens.reader("reader1")).get("/api/cases/" + f.caseId + "/my-read").then()
                .statusCode(200).body("version", equalTo(0));
    }

    @Test
    void declaredLengthOverTheJsonLimitIs413BeforeReading() throws Exception {
        HttpResponse<String> r = put(bigRead(), false);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("delineo.limits.json-bytes").contains("20000");
        nothingSaved();
    }

    @Test
    void chunkedBodyOverTheJsonLimitIs413() throws Exception {
        HttpResponse<String> r = put(bigRead(), true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.body()).contains("delineo.limits.json-bytes");
        nothingSaved();
    }

    @Test
    void stowOverItsLimitIs413AndStoresNothing() {
        List<byte[]> series = SyntheticDicom.newSeries(3);
        given().auth().oauth2(TestTokens.pi())
                .contentType("multipart/related; type=\"application/dicom\"; boundary=" + DicomWebClient.BOUNDARY)
                .body(DicomWebClient.multipart(series)).post("/dicom-web/studies").then().statusCode(413)
                .body("limit", equalTo("delineo.limits.stow-bytes"));
        // a smaller upload still fits
        ClientProxy.unwrap(limits).stowBytes = 100_000_000;
        assertThat(DicomWebClient.stow(TestTokens.pi(), series, null).statusCode()).isEqualTo(200);
    }

    @Test
    void contourLimitsAreNamed() {
        ClientProxy.unwrap(limits).jsonBytes = jsonBefore;
        List<double[]> many = new ArrayList<>();
        for (int i = 0; i < 20_001; i++) many.add(new double[]{i, i, 0});
        Map<String, Object> contour = Map.of("sopInstanceUid", "1.2.3", "points", many);
        given().auth().oauth2(TestTokens.reader("reader1")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(read(List.of(lesion("A", "primary tumour", List.of(contour)))))
                .put("/api/cases/" + f.caseId + "/my-read").then().statusCode(400)
                .body("message", containsString("at most 20000"));
        List<Map<String, Object>> contours = new ArrayList<>();
        for (int i = 0; i < 2001; i++) contours.add(square(f.images.get(1), 256, 256, 5));
        given().auth().oauth2(TestTokens.reader("reader1")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(read(List.of(lesion("A", "primary tumour", contours))))
                .put("/api/cases/" + f.caseId + "/my-read").then().statusCode(400)
                .body("message", containsString("at most 2000 contours"));
        nothingSaved();
    }

    @Test
    void totalPointsAreLimitedPerRead() {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 19_000; i++) points.add(new double[]{i, i, 0});
        List<ReadContent.Contour> contours = new ArrayList<>();
        for (int i = 0; i < 106; i++) contours.add(new ReadContent.Contour("1.2.3", points));
        List<String> problems = ReadValidator.problems(new ReadContent(List.of(new ReadContent.Lesion("A", "t", contours))),
                List.of("t"), Map.of());
        assertThat(problems).containsExactly("a read may hold at most 2000000 points in all its contours, this one has 2014000");
    }
}
