package io.delineo.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The PostgreSQL of {@code ./delineo up}: a real PostgreSQL 17 (zonky binaries) whose data directory persists across
 * restarts (initdb runs only when the directory is empty). Creates the {@code delineo} and {@code keycloak} databases
 * on first start and the portal's runtime role {@code delineo_app}, prints {@code READY port=N} and runs until the
 * process is terminated, then stops the server
 * cleanly. Run as its own process so the portal itself needs nothing but a JDBC URL (as in docker-compose).
 *
 * <p>Usage: {@code EmbeddedPostgresMain --port 5433 --data-dir data/postgres}
 */
public final class EmbeddedPostgresMain {
    private static final String[] DATABASES = {"delineo", "keycloak"};
    /**
     * The portal's login: it owns nothing, so it cannot alter or empty the audit trail; the migrations (run as the
     * owner {@code delineo}) grant it its rights. Created on every start if missing, which also upgrades data
     * directories made before it existed (their objects already belong to {@code delineo}, the owner role).
     */
    static final String RUNTIME_ROLE = "delineo_app";

    private EmbeddedPostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 5433;
        Path dataDir = Path.of("data/postgres");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: --port N --data-dir DIR");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(dataDir);
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.toAbsolutePath())
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200")
                    // zonky starts PostgreSQL for throw-away tests (-F, synchronous_commit off); this one keeps the
                    // archive index, reads and the audit trail, so a committed write must survive a crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
        } catch (IOException e) {
            System.err.println("PostgreSQL could not start on port " + port + " with data in " + dataDir + ": "
                    + e.getMessage());
            System.exit(1);
            return;
        }
        createDatabases(pg);
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedPostgres server = pg;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        System.out.println("READY port=" + port + " data=" + dataDir.toAbsolutePath());
        System.out.flush();
        stopped.await();
    }

    private static void createDatabases(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            for (String name : DATABASES) {
                if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                    // development credentials; docker-compose and production set their own
                    st.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
                }
                if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                    st.execute("CREATE DATABASE " + name + " OWNER " + name);
                }
            }
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", RUNTIME_ROLE)) {
                st.execute("CREATE ROLE " + RUNTIME_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
                        + RUNTIME_ROLE + "'");
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
