package io.delineo.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends events to the keyed chain on a connection inside a transaction. A transaction-scoped advisory lock
 * serialises appends (each needs the previous hash); it is released at commit.
 */
final class ChainAppender {
    /** advisory-lock key reserved for the audit chain ("delineo" in ASCII) */
    static final long CHAIN_LOCK_KEY = 0x64656c696e656fL;

    /** An event before it has a place in the chain. {@code time} is when it happened (not when it is appended). */
    record Draft(Instant time, String userId, String userName, String roles, String action, String resourceType,
                 String resourceId, AuditOutcome outcome, String requestId, String clientAddress, String detailsJson) {
    }

    private ChainAppender() {
    }

    static List<Long> append(Connection conn, AuditKey key, List<Draft> drafts) throws SQLException {
        List<Long> seqs = new ArrayList<>(drafts.size());
        if (drafts.isEmpty()) return seqs;
        try (PreparedStatement lock = conn.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CHAIN_LOCK_KEY);
            lock.execute();
        }
        long seq = 1;
        String previousHash = AuditHashChain.GENESIS;
        try (PreparedStatement last = conn.prepareStatement(
                "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1");
             ResultSet rs = last.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                previousHash = rs.getString(2);
            }
        }
        try (PreparedStatement insert = conn.prepareStatement("""
                INSERT INTO audit_event (seq, event_time, user_id, user_name, roles, action, resource_type,
                    resource_id, outcome, request_id, client_address, details, prev_hash, hash, chain_alg, key_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS json), ?, ?, ?, ?)""")) {
            for (Draft d : drafts) {
                AuditRecord rec = new AuditRecord(seq, d.time(), d.userId(), d.userName(), d.roles(), d.action(),
                        d.resourceType(), d.resourceId(), d.outcome(), d.requestId(), d.clientAddress(),
                        d.detailsJson());
                String hash = AuditHashChain.hmac(key, rec, previousHash);
                insert.setLong(1, seq);
                insert.setObject(2, rec.time().atOffset(ZoneOffset.UTC));
                insert.setString(3, rec.userId());
                insert.setString(4, rec.userName());
                insert.setString(5, rec.roles());
                insert.setString(6, rec.action());
                insert.setString(7, rec.resourceType());
                insert.setString(8, rec.resourceId());
                insert.setString(9, rec.outcome().name());
                insert.setString(10, rec.requestId());
                insert.setString(11, rec.clientAddress());
                insert.setString(12, rec.detailsJson());
                insert.setString(13, previousHash);
                insert.setString(14, hash);
                insert.setString(15, AuditHashChain.HMAC_SHA256);
                insert.setString(16, key.id());
                insert.addBatch();
                seqs.add(seq);
                previousHash = hash;
                seq++;
            }
            insert.executeBatch();
        }
        return seqs;
    }
}
