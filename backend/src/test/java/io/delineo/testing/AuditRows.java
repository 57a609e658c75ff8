package io.delineo.testing;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct reads of audit_event for assertions (independent of the API under test). */
public final class AuditRows {
    public record Row(long seq, String user, String action, String resourceType, String resourceId, String outcome,
                      String details, String requestId) {
    }

    private AuditRows() {
    }

    public static List<Row> after(AgroalDataSource ds, long afterSeq) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT seq, user_name, action, resource_type, resource_id, outcome, details::text, request_id
                     FROM audit_event WHERE seq > ? ORDER BY seq""")) {
            ps.setLong(1, afterSeq);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long lastSeq(AgroalDataSource ds) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(seq), 0) FROM audit_event");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
