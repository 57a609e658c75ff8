package io.delineo.testing;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A connection as the database owner (the role migrations run as): what an attacker who owns the schema can do. */
public final class OwnerDatabase {
    private OwnerDatabase() {
    }

    public static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("delineo.db.owner-user", String.class),
                config.getValue("delineo.db.owner-password", String.class));
    }
}
