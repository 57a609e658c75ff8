package io.delineo.storage;

import io.agroal.api.AgroalDataSource;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.S3ProxyServer;
import io.delineo.testing.SyntheticDicom;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An unreachable S3 server: STOW answers 503 with a message, and nothing is indexed. */
@QuarkusTest
@TestProfile(ArchiveWithS3DownTest.S3Down.class)
class ArchiveWithS3DownTest {
    public static class S3Down implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of(
                        "delineo.storage.kind", "s3",
                        "delineo.storage.s3.endpoint", "http://127.0.0.1:" + S3ProxyServer.freePort(),
                        "delineo.storage.s3.bucket", "delineo-unreachable",
                        "delineo.storage.s3.access-key", S3ProxyServer.ACCESS_KEY,
                        "delineo.storage.s3.secret-key", S3ProxyServer.SECRET_KEY,
                        "delineo.storage.s3.max-attempts", "2",
                        "delineo.storage.s3.timeout-seconds", "3");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    AgroalDataSource ds;

    @Test
    void storeAnswers503AndIndexesNothing() throws Exception {
        List<byte[]> objects = SyntheticDicom.newSeries(2);
        Response r = DicomWebClient.stow(TestTokens.pi(), objects, null);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isNotBlank();
        assertThat(r.jsonPath().getString("message")).contains("object store").contains("retry later");
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM instance WHERE sop_instance_uid = ?")) {
            for (byte[] o : objects) {
                ps.setString(1, SyntheticDicom.sopOf(o));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("no index row without a stored object").isZero();
                }
            }
        }
    }
}
