package io.delineo.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;

/** Recomputes the hash chain over the whole trail and names the first event whose link does not hold. */
@ApplicationScoped
public class AuditVerifier {
    private static final int BATCH = 5000;

    public record Verification(boolean ok, long events, Long firstBroken) {
    }

    @Inject
    EntityManager em;

    @Transactional
    public Verification verify() {
        return em.unwrap(Session.class).doReturningWork(conn -> {
            long events = 0;
            long expectedSeq = 1;
            long afterSeq = 0;
            String previousHash = AuditHashChain.GENESIS;
            try (PreparedStatement ps = conn.prepareStatement("""
                    SELECT seq, event_time, user_id, user_name, roles, action, resource_type, resource_id, outcome,
                           request_id, client_address, details::text, prev_hash, hash
                    FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?""")) {
                while (true) {
                    ps.setLong(1, afterSeq);
                    ps.setInt(2, BATCH);
                    int inBatch = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            inBatch++;
                            events++;
                            long seq = rs.getLong(1);
                            AuditRecord rec = new AuditRecord(seq, rs.getObject(2, OffsetDateTime.class).toInstant(),
                                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                    rs.getString(7), rs.getString(8), AuditOutcome.valueOf(rs.getString(9)),
                                    rs.getString(10), rs.getString(11), rs.getString(12));
                            String storedPrev = rs.getString(13);
                            String storedHash = rs.getString(14);
                            // a missing sequence number means a deleted event: the link at this row is broken
                            boolean linkHolds = seq == expectedSeq && previousHash.equals(storedPrev)
                                    && AuditHashChain.hash(rec, storedPrev).equals(storedHash);
                            if (!linkHolds) {
                                return new Verification(false, countAll(conn), seq);
                            }
                            previousHash = storedHash;
                            expectedSeq = seq + 1;
                            afterSeq = seq;
                        }
                    }
                    if (inBatch < BATCH) break;
                }
            }
            return new Verification(true, events, null);
        });
    }

    private static long countAll(java.sql.Connection conn) throws java.sql.SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM audit_event");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
