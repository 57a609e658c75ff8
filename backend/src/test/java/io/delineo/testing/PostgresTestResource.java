package io.delineo.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A real PostgreSQL (zonky binaries, fresh data directory) for @QuarkusTest classes. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedPostgres pg;

    @Override
    public Map<String, String> start() {
        try {
            pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("delineo-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", pg.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
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
