package io.delineo.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Replicas take turns at start-up under a PostgreSQL lock, which a ready replica has released. */
@QuarkusTest
class StartupInTurnsTest {
    @Inject
    AgroalDataSource dataSource;

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
