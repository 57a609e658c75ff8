package io.delineo.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** Deep links into the single-page app load index.html; real files and the API keep their own answers. */
@QuarkusTest
class SinglePageAppRoutesTest {
    @Test
    void clientRouteWhoseLastSegmentHasDotsServesTheApp() {
        given().get("/board/models/ki67-radiomics/1.0.0").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("<div id=\"root\""));
    }

    @Test
    void clientRouteServesTheApp() {
        given().get("/studies/3/features").then().statusCode(200).body(containsString("<div id=\"root\""));
    }

    @Test
    void missingBuildAssetIsNotFound() {
        given().get("/assets/none.js").then().statusCode(404);
    }

    @Test
    void realStaticFileIsServedAsItself() {
        given().get("/favicon.svg").then().statusCode(200).body(containsString("<svg"));
    }

    @Test
    void unknownApiPathIsNotTheApp() {
        given().get("/api/no-such-thing").then().statusCode(401);
    }
}
