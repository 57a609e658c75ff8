package io.delineo.audit;

import io.agroal.api.AgroalDataSource;
import io.delineo.security.CurrentUser;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Image reads audited at the granularity of IHE ATNA / DICOM PS3.15 "DICOM Instances Accessed": one chained event
 * {@value #ACTION} per user, series and access window. The first read of a series by a user opens a window (default
 * five minutes); reads in it only add to counters in memory, so no reader waits on the chain lock or on another reader.
 *
 * <p>Durability: the first read of a window inserts a row into {@code audit_access_window} in the request's own
 * transaction (a plain insert, no chain lock) before anything is served, so the fact of the access survives a crash.
 * A background appender writes the counters into that row every flush interval (default 250 ms) and, once the window
 * has ended, appends the chained event and deletes the row in one transaction. At orderly shutdown every open window
 * is closed and appended. After a crash the rows left behind become events marked {@code countsComplete: false}: only
 * the counts of the last flush interval can be lost, never the access.
 */
@ApplicationScoped
public class AccessRecorder {
    private static final Logger LOG = Logger.getLogger(AccessRecorder.class);
    public static final String ACTION = AuditAction.DICOM_INSTANCES_ACCESSED.name();

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    CurrentUser currentUser;
    @Inject
    RequestMetadata request;
    @Inject
    AuditTrail trail;
    @Inject
    AuditKeyring keyring;

    @ConfigProperty(name = "delineo.audit.access-window", defaultValue = "5M")
    Duration windowLength;
    @ConfigProperty(name = "delineo.audit.flush-interval", defaultValue = "250ms")
    Duration flushInterval;

    private record Key(String userId, String userName, String study, String series) {
    }

    /** Counts of one window at one moment. */
    record Counts(Window window, Instant lastAccess, int requests, int instances, int frames, int metadata) {
    }

    static final class Window {
        final Key key;
        final String userName;
        final String roles;
        final String requestId;
        final String clientAddress;
        final Instant start;
        final Instant end;
        private final AtomicBoolean firstAccessClaimed = new AtomicBoolean();
        private final Set<String> instances = new HashSet<>();
        private Instant lastAccess;
        private int requests;
        private int frames;
        private int metadata;
        private boolean closed;
        private boolean dirty;

        Window(Key key, CurrentUser.Snapshot user, String requestId, String clientAddress, Instant start, Duration length) {
            this.key = key;
            this.userName = key.userName();
            this.roles = String.join(",", user.roles());
            this.requestId = AuditTrail.printable(requestId);
            this.clientAddress = AuditTrail.printable(clientAddress);
            this.start = start;
            this.end = start.plus(length);
            this.lastAccess = start;
        }

        synchronized boolean add(Instant now, Collection<String> sops, int frameCount, boolean metadataRequest) {
            if (closed) return false;
            requests++;
            instances.addAll(sops);
            frames += frameCount;
            if (metadataRequest) metadata++;
            if (now.isAfter(lastAccess)) lastAccess = now;
            dirty = true;
            return true;
        }

        synchronized Counts close() {
            if (closed) return null;
            closed = true;
            return counts();
        }

        synchronized Counts takeIfChanged() {
            if (closed || !dirty) return null;
            dirty = false;
            return counts();
        }

        synchronized void markChanged() {
            dirty = true;
        }

        private Counts counts() {
            return new Counts(this, lastAccess, requests, instances.size(), frames, metadata);
        }
    }

    private final Map<Key, Window> open = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Counts> closing = new ConcurrentLinkedQueue<>();
    private final String bootId = UUID.randomUUID().toString();
    /** when the next sweep for windows left open by a stopped portal is due (each sweep costs one statement) */
    private volatile Instant nextLeftoverSweep = Instant.EPOCH;
    /**
     * A live portal closes its window within a flush interval of the window's end, so a row this long past its end
     * belongs to a portal that stopped without closing it. Rows of live portals (other replicas) are never taken.
     */
    private static final java.time.Duration ORPHAN_GRACE = java.time.Duration.ofMinutes(1);
    private ScheduledExecutorService appender;

    /** Instances (whole, or {@code frames} frames of them) of one series were served to the current user. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void instancesServed(String study, String series, Collection<String> sopInstanceUids, int frames) {
        served(study, series, sopInstanceUids, frames, false);
    }

    /** The metadata of instances of one series was served to the current user. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void metadataServed(String study, String series, Collection<String> sopInstanceUids) {
        served(study, series, sopInstanceUids, 0, true);
    }

    private void served(String study, String series, Collection<String> sops, int frames, boolean metadata) {
        CurrentUser.Snapshot user = currentUser.get();
        Key key = new Key(AuditTrail.printable(user.id()), AuditTrail.printable(user.name()), study, series);
        // microseconds, as PostgreSQL keeps them: the window's row is found again by its start
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        while (true) {
            Window w = open.compute(key, (k, old) -> {
                if (old != null && now.isBefore(old.end)) return old;
                if (old != null) enqueueClose(old);
                return new Window(k, user, request.requestId(), request.clientAddress(), now, windowLength);
            });
            if (!w.add(now, sops, frames, metadata)) continue; // closed by the appender meanwhile: open a new one
            if (w.firstAccessClaimed.compareAndSet(false, true)) persistFirstAccess(w);
            return;
        }
    }

    /** The row that keeps the access on record until its chained event is appended; committed before serving. */
    private void persistFirstAccess(Window w) {
        Counts c;
        synchronized (w) {
            c = w.counts();
        }
        em.unwrap(Session.class).doWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    INSERT INTO audit_access_window (user_id, user_name, roles, study_uid, series_uid, window_start,
                        window_end, last_access, requests, instances, frames, metadata, request_id, client_address,
                        boot_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""")) {
                ps.setString(1, w.key.userId());
                ps.setString(2, w.userName);
                ps.setString(3, w.roles);
                ps.setString(4, w.key.study());
                ps.setString(5, w.key.series());
                ps.setObject(6, utc(w.start));
                ps.setObject(7, utc(w.end));
                ps.setObject(8, utc(c.lastAccess()));
                ps.setInt(9, c.requests());
                ps.setInt(10, c.instances());
                ps.setInt(11, c.frames());
                ps.setInt(12, c.metadata());
                ps.setString(13, w.requestId);
                ps.setString(14, w.clientAddress);
                ps.setString(15, bootId);
                ps.executeUpdate();
            }
        });
    }

    private void enqueueClose(Window w) {
        Counts c = w.close();
        if (c != null) closing.add(c);
    }

    void start(@Observes @Priority(100) StartupEvent event) {
        appender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-access-appender");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(10, flushInterval.toMillis());
        appender.scheduleWithFixedDelay(() -> flushQuietly(false), millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Before the checkpoint of shutdown ({@link AuditCheckpoints}): every open window is closed and appended. */
    void stop(@Observes @Priority(10) ShutdownEvent event) {
        if (appender != null) {
            appender.shutdown();
            try {
                appender.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushQuietly(true);
    }

    /** Closes every open window now and appends its event (what shutdown does); returns the events appended. */
    public synchronized int closeOpenWindows() {
        try {
            return flush(true);
        } catch (SQLException e) {
            throw new IllegalStateException("access events could not be appended: " + e.getMessage(), e);
        }
    }

    private synchronized void flushQuietly(boolean closeAll) {
        try {
            flush(closeAll);
        } catch (Exception e) {
            LOG.warnf("access events not appended yet (%s); %d window(s) wait for the next attempt", e.getMessage(),
                    closing.size());
        }
    }

    private int flush(boolean closeAll) throws SQLException {
        Instant now = Instant.now();
        for (Map.Entry<Key, Window> e : open.entrySet()) {
            Window w = e.getValue();
            if ((closeAll || !now.isBefore(w.end)) && open.remove(e.getKey(), w)) enqueueClose(w);
        }
        List<Counts> toAppend = new ArrayList<>(closing);
        List<Counts> changed = new ArrayList<>();
        for (Window w : open.values()) {
            Counts c = w.takeIfChanged();
            if (c != null) changed.add(c);
        }
        boolean sweep = !now.isBefore(nextLeftoverSweep);
        if (toAppend.isEmpty() && changed.isEmpty() && !sweep) return 0;
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try {
                List<ChainAppender.Draft> drafts = new ArrayList<>();
                if (sweep) drafts.addAll(takeLeftovers(conn, now.minus(ORPHAN_GRACE)));
                for (Counts c : toAppend) drafts.add(draft(c, true));
                ChainAppender.append(conn, keyring.key(), drafts);
                deleteRows(conn, toAppend);
                int notYetCommitted = updateCounts(conn, changed);
                conn.commit();
                if (sweep) nextLeftoverSweep = now.plus(ORPHAN_GRACE);
                closing.removeAll(toAppend);
                if (notYetCommitted > 0) LOG.debugf("%d first-access row(s) not committed yet", notYetCommitted);
                return drafts.size();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                for (Counts c : changed) c.window().markChanged();
                throw e;
            }
        }
    }

    private ChainAppender.Draft draft(Counts c, boolean complete) {
        Window w = c.window();
        return draft(w.key.userId(), w.userName, w.roles, w.key.study(), w.key.series(), w.start, w.end,
                c.lastAccess(), c.requests(), c.instances(), c.frames(), c.metadata(), w.requestId, w.clientAddress,
                complete);
    }

    private ChainAppender.Draft draft(String userId, String userName, String roles, String study, String series,
                                     Instant start, Instant end, Instant lastAccess, int requests, int instances,
                                     int frames, int metadata, String requestId, String clientAddress,
                                     boolean complete) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("study", study);
        details.put("series", series);
        details.put("windowStart", start.toString());
        details.put("windowEnd", end.toString());
        details.put("lastAccess", lastAccess.toString());
        details.put("requests", requests);
        details.put("instances", instances);
        details.put("frames", frames);
        details.put("metadataRequests", metadata);
        details.put("countsComplete", complete);
        // the event's time is the first access: "who saw which images, when"
        return new ChainAppender.Draft(start, userId, userName, roles, ACTION, "series", AuditTrail.printable(series),
                AuditOutcome.SUCCESS, requestId, clientAddress, trail.toJson(details));
    }

    /** Windows left open by a portal that stopped without closing them (a crash): their access is still on record. */
    private List<ChainAppender.Draft> takeLeftovers(Connection conn, Instant endedBefore) throws SQLException {
        List<ChainAppender.Draft> drafts = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                DELETE FROM audit_access_window WHERE boot_id <> ? AND window_end < ?
                RETURNING user_id, user_name, roles, study_uid, series_uid, window_start, window_end, last_access,
                          requests, instances, frames, metadata, request_id, client_address""")) {
            ps.setString(1, bootId);
            ps.setObject(2, endedBefore.atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drafts.add(draft(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getInt(9),
                            rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getString(13), rs.getString(14), false));
                }
            }
        }
        drafts.sort((a, b) -> a.time().compareTo(b.time()));
        if (!drafts.isEmpty()) {
            LOG.warnf("%d access window(s) left open by an earlier run appended with countsComplete=false",
                    drafts.size());
        }
        return drafts;
    }

    private static void deleteRows(Connection conn, List<Counts> closed) throws SQLException {
        if (closed.isEmpty()) return;
        try (PreparedStatement ps = conn.prepareStatement("""
                DELETE FROM audit_access_window
                WHERE user_id = ? AND user_name = ? AND study_uid = ? AND series_uid = ? AND window_start = ?""")) {
            for (Counts c : closed) {
                Window w = c.window();
                ps.setString(1, w.key.userId());
                ps.setString(2, w.key.userName());
                ps.setString(3, w.key.study());
                ps.setString(4, w.key.series());
                ps.setObject(5, utc(w.start));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Returns how many rows were not there yet (their request has not committed): they are tried again. */
    private static int updateCounts(Connection conn, List<Counts> changed) throws SQLException {
        if (changed.isEmpty()) return 0;
        int missing = 0;
        try (PreparedStatement ps = conn.prepareStatement("""
                UPDATE audit_access_window SET last_access = ?, requests = ?, instances = ?, frames = ?, metadata = ?
                WHERE user_id = ? AND user_name = ? AND study_uid = ? AND series_uid = ? AND window_start = ?""")) {
            for (Counts c : changed) {
                Window w = c.window();
                ps.setObject(1, utc(c.lastAccess()));
                ps.setInt(2, c.requests());
                ps.setInt(3, c.instances());
                ps.setInt(4, c.frames());
                ps.setInt(5, c.metadata());
                ps.setString(6, w.key.userId());
                ps.setString(7, w.key.userName());
                ps.setString(8, w.key.study());
                ps.setString(9, w.key.series());
                ps.setObject(10, utc(w.start));
                ps.addBatch();
            }
            int[] updated = ps.executeBatch();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    missing++;
                    changed.get(i).window().markChanged();
                }
            }
        }
        return missing;
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
