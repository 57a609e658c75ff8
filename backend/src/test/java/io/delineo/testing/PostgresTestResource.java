package io.delineo.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL (zonky binaries, fresh data directory) for @QuarkusTest classes, with the roles of a deployment:
 * {@value #OWNER} owns the database and runs the migrations; the portal logs in as {@value #RUNTIME}, which owns
 * nothing (so it cannot alter or empty the audit trail).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String OWNER = "delineo_owner";
    public static final String RUNTIME = "delineo_app";

    private EmbeddedPostgres pg;

    @Override
    public Map<String, String> start() {
        try {
            pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD 'owner'");
            st.execute("CREATE ROLE " + RUNTIME + " LOGIN PASSWORD 'app'");
            st.execute("CREATE DATABASE delineo OWNER " + OWNER);
        } catch (SQLException e) {
            throw new IllegalStateException("test roles could not be created", e);
        }
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("delineo-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + pg.getPort() + "/delineo",
                "quarkus.datasource.username", RUNTIME,
                "quarkus.datasource.password", "app",
                "delineo.db.owner-user", OWNER,
                "delineo.db.owner-password", "owner",
                // a fresh file store that matches the fresh database
                "delineo.data-dir", dataDir.toString());
    }

    @Override
    public void stop() {
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
