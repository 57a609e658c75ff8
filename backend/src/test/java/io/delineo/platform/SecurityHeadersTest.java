package io.delineo.platform;

import io.delineo.testing.DicomWebClient;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Security and caching headers on the page, its assets, the API and DICOMweb; retrieve URLs ignore a forged Host. */
@QuarkusTest
class SecurityHeadersTest {
    @ConfigProperty(name = "delineo.public-base-url")
    String publicBaseUrl;

    static void assertBrowserHeaders(Response r) {
        String csp = r.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "frame-ancestors 'none'",
                "object-src 'none'", "worker-src 'self' blob:");
        assertThat(csp).doesNotContain("'unsafe-eval'", "script-src 'self' 'unsafe-inline'");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        // plain HTTP: no HSTS (it would pin a scheme the portal is not served on)
        assertThat(r.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void appPageIsRevalidatedAndCarriesAStrictPolicy() {
        for (String path : List.of("/", "/worklist", "/cases/12/read")) {
            Response r = given().get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            assertBrowserHeaders(r);
            assertThat(r.header("Cache-Control")).as(path).isEqualTo("no-cache");
        }
        String keycloak = SecurityHeaders.origin(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("delineo.oidc.browser-url", String.class));
        assertThat(given().get("/").header("Content-Security-Policy")).contains("connect-src 'self' data: blob: " + keycloak);
    }

    @Test
    void hashedAssetsAreImmutable() throws Exception {
        Path assets = Path.of("../frontend/dist/assets");
        String name;
        try (var s = Files.list(assets)) {
            name = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".js")).findFirst().orElseThrow();
        }
        Response r = given().get("/assets/" + name);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertBrowserHeaders(r);
    }

    @Test
    void apiAndDicomJsonAreNeverStored() {
        Response config = given().get("/api/config");
        assertThat(config.header("Cache-Control")).isEqualTo("no-store");
        assertBrowserHeaders(config);
        Response studies = given().auth().oauth2(TestTokens.pi()).get("/dicom-web/studies?limit=1");
        assertThat(studies.statusCode()).isIn(200, 204);
        assertThat(studies.header("Cache-Control")).isEqualTo("no-store");
        Response denied = given().get("/api/worklist");
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(denied.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void retrieveUrlsComeFromTheConfiguredAddressNotTheHostHeader() {
        List<byte[]> series = SyntheticDicom.newSeries(1);
        Response stow = given().auth().oauth2(TestTokens.pi()).header("Host", "evil.example:666")
                .contentType("multipart/related; type=\"application/dicom\"; boundary=" + DicomWebClient.BOUNDARY)
                .body(DicomWebClient.multipart(series)).post("/dicom-web/studies");
        assertThat(stow.statusCode()).isEqualTo(200);
        assertThat(stow.asString()).doesNotContain("evil.example").contains(publicBaseUrl + "/dicom-web/studies/");
        Response qido = given().auth().oauth2(TestTokens.pi()).header("Host", "evil.example:666")
                .header("X-Forwarded-Host", "evil.example").get("/dicom-web/studies?limit=5");
        assertThat(qido.statusCode()).isEqualTo(200);
        assertThat(qido.asString()).doesNotContain("evil.example").contains(publicBaseUrl + "/dicom-web/studies/");
    }
}
