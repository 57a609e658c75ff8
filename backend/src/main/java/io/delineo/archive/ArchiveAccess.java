package io.delineo.archive;

import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditOutcome;
import io.delineo.audit.AuditTrail;
import io.delineo.domain.Refusal;
import io.delineo.security.CurrentUser;
import io.delineo.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may see which images: PIs and administrators see the whole archive; everyone else sees only series granted by
 * {@link SeriesGrants} (e.g. a reader's assigned cases). Enforced on every DICOMweb search and retrieval.
 */
@ApplicationScoped
public class ArchiveAccess {
    @Inject
    CurrentUser currentUser;
    @Inject
    Instance<SeriesGrants> grants;
    @Inject
    AuditTrail audit;

    /** Null when the caller sees everything; otherwise the visible series UIDs (possibly empty). */
    public Set<String> visibleSeries() {
        CurrentUser.Snapshot user = currentUser.get();
        if (user.has(Roles.PI) || user.has(Roles.ADMIN)) return null;
        Set<String> visible = new HashSet<>();
        for (SeriesGrants g : grants) visible.addAll(g.seriesVisibleTo(user.name(), user.roles()));
        return visible;
    }

    /** Refuses (403, audited as DENIED) when the caller may not see this series. */
    public void requireSeries(String seriesUid, AuditAction action) {
        Set<String> visible = visibleSeries();
        if (visible != null && !visible.contains(seriesUid)) {
            audit.recordSeparately(action, "series", seriesUid, AuditOutcome.DENIED,
                    Map.of("reason", "series not assigned to this user"));
            throw Refusal.forbidden("series " + seriesUid + " is not assigned to you");
        }
    }
}
