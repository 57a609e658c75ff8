package io.delineo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.delineo.dicom.UidGenerator;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What replicas share lives in PostgreSQL: the de-identification key (so every replica gives an original the same
 * pseudonym) and the start-up lock (released once a replica has migrated and loaded its start-up data).
 */
@QuarkusTest
class ReplicaSharedStateTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void pseudonymsDeriveFromTheKeyInTheDatabaseWhichEveryReplicaReads() throws Exception {
        String patient = "REPLICA-" + System.nanoTime();
        DicomWebClient.stow(TestTokens.pi(), SyntheticDicom.newSeries(1, UidGenerator.newUid(), UidGenerator.newUid(),
                patient), "?deidentify=true").then().statusCode(200);
        JsonNode mapping = JSON.readTree(given().auth().oauth2(TestTokens.pi())
                .get("/api/deid/mappings?value=" + patient).then().statusCode(200).extract().asString());
        String pseudonym = mapping.get(0).get("replacement").asText();

        byte[] key;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT secret FROM deid_key");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).as("one shared key row").isTrue();
            key = rs.getBytes(1);
            assertThat(rs.next()).isFalse();
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(key);
        String expected = "DELINEO-" + HexFormat.of().formatHex(sha.digest(patient.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 12).toUpperCase();
        assertThat(pseudonym).isEqualTo(expected);
    }

    @Test
    void theStartUpLockIsFreeOnceThePortalIsReady() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, StartupChecks.STARTUP_LOCK_KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).as("another replica could start now").isTrue();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, StartupChecks.STARTUP_LOCK_KEY);
                ps.execute();
            }
        }
    }
}
