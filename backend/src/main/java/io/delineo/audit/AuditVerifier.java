package io.delineo.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recomputes the chain over the whole trail (SHA-256 before the keyed chain started, HMAC after) and compares it with
 * the newest signed checkpoints kept outside the database. Names the first event affected by an edit, a deletion,
 * a re-chaining without the key, or (against a checkpoint) a deleted or rewritten tail.
 */
@ApplicationScoped
public class AuditVerifier {
    /** how many of the newest checkpoints are compared with the trail */
    static final int CHECKPOINTS_CHECKED = 100;

    /**
     * {@code ok}, {@code events} and {@code firstBroken} as before; {@code reason} says what is wrong,
     * {@code keyedFrom} where the HMAC chain starts, and the newest checkpoint the trail was compared with.
     */
    public record Verification(boolean ok, long events, Long firstBroken, String reason, Long keyedFrom,
                               Long checkpointSeq, String checkpointTime, int checkpointsChecked) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditKeyring keyring;
    @Inject
    AuditCheckpoints checkpoints;

    public Verification verify() {
        AuditKey key = keyring.key();
        // read before the trail: a checkpoint written while the chain is being walked cannot be ahead of what the
        // walk sees
        AuditCheckpoints.Loaded loaded;
        try {
            loaded = checkpoints.load(CHECKPOINTS_CHECKED);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit checkpoints cannot be read", e);
        }
        List<Checkpoint> cps = loaded.valid();
        Checkpoint newest = cps.isEmpty() ? null : cps.get(0);
        Long keyedFrom = newest == null ? null : newest.keyedFrom();
        Set<Long> wanted = cps.stream().map(Checkpoint::seq).collect(Collectors.toSet());
        Map<Long, String> seen = new HashMap<>();
        ChainCheck check = new ChainCheck(key, 0, AuditHashChain.GENESIS, keyedFrom);
        ChainCheck.Break broken;
        long events;
        try (Connection conn = dataSource.getConnection()) {
            broken = ChainRows.walk(conn, 0, check, wanted, seen);
            events = ChainRows.count(conn);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail cannot be read: " + e.getMessage(), e);
        }
        if (broken == null) broken = againstCheckpoints(cps, check.lastSeq(), seen);
        Long first = broken == null ? null : broken.seq();
        String reason = broken == null ? null : broken.reason();
        if (!loaded.problems().isEmpty()) {
            reason = (reason == null ? "" : reason + "; ") + String.join("; ", loaded.problems());
        }
        Long firstKeyed = check.firstKeyed() != null ? check.firstKeyed() : keyedFrom;
        return new Verification(reason == null, events, first, reason, firstKeyed,
                newest == null ? null : newest.seq(), newest == null ? null : newest.time().toString(), cps.size());
    }

    /** The trail walked cleanly up to {@code head}; does it still hold what the checkpoints signed? */
    static ChainCheck.Break againstCheckpoints(List<Checkpoint> newestFirst, long head, Map<Long, String> seen) {
        ChainCheck.Break found = null;
        for (int i = 0; i < newestFirst.size(); i++) {
            Checkpoint cp = newestFirst.get(i);
            ChainCheck.Break b = null;
            if (cp.seq() > head) {
                b = new ChainCheck.Break(head + 1, "the trail ends at event " + head + " but the checkpoint of "
                        + cp.time() + " counted " + cp.seq() + ": events from " + (head + 1) + " on were deleted");
            } else if (!cp.hash().equals(seen.get(cp.seq()))) {
                long from = 1;
                for (int j = i + 1; j < newestFirst.size(); j++) {
                    Checkpoint older = newestFirst.get(j);
                    if (older.seq() < cp.seq() && older.hash().equals(seen.get(older.seq()))) {
                        from = older.seq() + 1;
                        break;
                    }
                }
                b = new ChainCheck.Break(from, "event " + cp.seq() + " is not the one the checkpoint of " + cp.time()
                        + " signed: the trail was rewritten at or after event " + from);
            }
            if (b != null && (found == null || b.seq() < found.seq())) found = b;
        }
        return found;
    }
}
