package io.delineo.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

/** Reads audit_event in sequence order, in batches, into a {@link ChainCheck}. */
final class ChainRows {
    private static final int BATCH = 5000;

    private ChainRows() {
    }

    /**
     * Feeds every event after {@code afterSeq} to {@code check}; stops at the first break and returns it (null when
     * all link on). The stored hashes of the sequence numbers in {@code wanted} are put into {@code seen}.
     */
    static ChainCheck.Break walk(Connection conn, long afterSeq, ChainCheck check, Set<Long> wanted,
                                 Map<Long, String> seen) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT seq, event_time, user_id, user_name, roles, action, resource_type, resource_id, outcome,
                       request_id, client_address, details::text, prev_hash, hash, chain_alg, key_id
                FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?""")) {
            long after = afterSeq;
            while (true) {
                ps.setLong(1, after);
                ps.setInt(2, BATCH);
                int inBatch = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inBatch++;
                        long seq = rs.getLong(1);
                        AuditOutcome outcome;
                        try {
                            outcome = AuditOutcome.valueOf(rs.getString(9));
                        } catch (IllegalArgumentException e) {
                            return new ChainCheck.Break(seq, "event " + seq + " has an unknown outcome");
                        }
                        AuditRecord rec = new AuditRecord(seq, rs.getObject(2, OffsetDateTime.class).toInstant(),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), outcome, rs.getString(10), rs.getString(11), rs.getString(12));
                        String hash = rs.getString(14);
                        if (wanted.contains(seq)) seen.put(seq, hash);
                        ChainCheck.Break b = check.accept(new ChainCheck.Row(rec, rs.getString(13), hash,
                                rs.getString(15), rs.getString(16)));
                        if (b != null) return b;
                        after = seq;
                    }
                }
                if (inBatch < BATCH) return null;
            }
        }
    }

    static long count(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM audit_event");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
