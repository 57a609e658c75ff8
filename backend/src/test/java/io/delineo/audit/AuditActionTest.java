package io.delineo.audit;

import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one list of audit actions. AuditTrail takes only {@link AuditAction}s, so an action recorded anywhere is in the
 * enum by construction; this checks the list itself and the endpoint the audit screen builds its choices from.
 */
@QuarkusTest
class AuditActionTest {
    @Test
    void actionNamesAreUniqueStoredFormsWithAResourceType() {
        Set<String> names = new HashSet<>();
        for (AuditAction a : AuditAction.values()) {
            assertThat(names.add(a.name())).as("duplicate action %s", a).isTrue();
            assertThat(a.name()).matches("[A-Z][A-Z_]*[A-Z]");
            assertThat(a.resourceType()).as("resource type of %s", a).matches("[a-z][a-z-]*[a-z]");
        }
        // the stored strings of events recorded before the enum existed keep their meaning
        assertThat(AuditAction.valueOf("CASE_OPEN").resourceType()).isEqualTo("case");
        assertThat(AuditAction.valueOf("CONTOUR_SAVE").resourceType()).isEqualTo("read");
        assertThat(AuditAction.valueOf("DICOM_STORE").resourceType()).isEqualTo("instance");
    }

    @Test
    void actionsEndpointListsEveryActionSortedForPiAndAdmin() {
        for (String token : List.of(TestTokens.pi(), TestTokens.admin())) {
            JsonPath body = given().auth().oauth2(token)
                    .when().get("/api/audit/actions")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, String>> items = body.getList("$");
            List<String> actions = items.stream().map(m -> m.get("action")).toList();
            assertThat(actions).isSorted().hasSize(AuditAction.values().length)
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(AuditAction.values()).map(Enum::name).toList());
            assertThat(items).contains(Map.of("action", "CASE_OPEN", "resourceType", "case"));
            assertThat(items).allSatisfy(m -> assertThat(m.keySet()).containsExactlyInAnyOrder("action", "resourceType"));
        }
    }

    @Test
    void actionsEndpointIsClosedToReadersAndBoard() {
        given().auth().oauth2(TestTokens.reader("reader1")).when().get("/api/audit/actions").then().statusCode(403);
        given().auth().oauth2(TestTokens.board()).when().get("/api/audit/actions").then().statusCode(403);
        given().when().get("/api/audit/actions").then().statusCode(401);
    }
}
