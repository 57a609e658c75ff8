package io.delineo.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes a signed checkpoint of the chain head outside the database every {@code delineo.audit.checkpoint-interval}
 * (default 60 s) when the head has moved, and at shutdown. Before signing, the events since the previous checkpoint
 * are verified, so a checkpoint never vouches for a chain that was already broken.
 */
@ApplicationScoped
public class AuditCheckpoints {
    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditKeyring keyring;
    @Inject
    CheckpointStore store;

    @ConfigProperty(name = "delineo.audit.checkpoint-interval", defaultValue = "60S")
    Duration interval;

    private ScheduledExecutorService timer;

    /** Valid checkpoints, newest first, and the files that could not be trusted. */
    public record Loaded(List<Checkpoint> valid, List<String> problems) {
    }

    void start(@Observes @Priority(110) StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-checkpoints");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1000, interval.toMillis());
        timer.scheduleWithFixedDelay(this::writeQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** After {@link AccessRecorder} has appended the open windows. */
    void stop(@Observes @Priority(20) ShutdownEvent event) {
        if (timer != null) timer.shutdownNow();
        writeQuietly();
    }

    private void writeQuietly() {
        try {
            writeNow();
        } catch (Exception e) {
            LOG.warnf("no audit checkpoint written this time: %s", e.getMessage());
        }
    }

    /**
     * Verifies the events since the last checkpoint and, when the head has moved, writes a new checkpoint of it.
     * Returns the checkpoint written, empty when there was nothing new or the chain is broken (logged as an error).
     */
    public synchronized Optional<Checkpoint> writeNow() throws IOException, SQLException {
        AuditKey key = keyring.key();
        Loaded loaded = load(1);
        Checkpoint last = loaded.valid().isEmpty() ? null : loaded.valid().get(0);
        try (Connection conn = dataSource.getConnection()) {
            long afterSeq = last == null ? 0 : last.seq();
            if (last != null && head(conn) < last.seq()) {
                LOG.errorf("audit trail ends before seq %d of the checkpoint of %s: events were deleted; run verify",
                        last.seq(), last.time());
                return Optional.empty();
            }
            ChainCheck check = new ChainCheck(key, afterSeq, last == null ? AuditHashChain.GENESIS : last.hash(),
                    last == null ? null : last.keyedFrom());
            ChainCheck.Break broken = ChainRows.walk(conn, afterSeq, check, Set.of(), new HashMap<>());
            if (broken != null) {
                LOG.errorf("audit chain broken at seq %d (%s): no checkpoint signed; run verify", broken.seq(),
                        broken.reason());
                return Optional.empty();
            }
            if (last != null && check.lastSeq() == last.seq()) return Optional.empty();
            if (check.lastSeq() == 0) return Optional.empty();
            Long keyedFrom = last != null && last.keyedFrom() != null ? last.keyedFrom() : check.firstKeyed();
            Checkpoint cp = new Checkpoint(check.lastSeq(), check.lastHash(), Instant.now(), key.id(), keyedFrom);
            store.write(cp.fileName(), cp.signed(key));
            return Optional.of(cp);
        }
    }

    /** Up to {@code max} newest checkpoints whose signature holds, newest first. */
    public Loaded load(int max) throws IOException {
        AuditKey key = keyring.key();
        List<String> names = store.list();
        List<Checkpoint> valid = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = names.size() - 1; i >= 0 && valid.size() < max; i--) {
            try {
                valid.add(Checkpoint.parse(store.read(names.get(i)), key));
            } catch (IllegalArgumentException e) {
                problems.add("checkpoint " + names.get(i) + " cannot be trusted: " + e.getMessage());
            }
        }
        return new Loaded(valid, problems);
    }

    private static long head(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT coalesce(max(seq), 0) FROM audit_event");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
