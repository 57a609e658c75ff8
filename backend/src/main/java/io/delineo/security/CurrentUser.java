package io.delineo.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling: the user name (Keycloak {@code preferred_username}, the key used for assignments), the stable
 * subject id and the realm roles. Outside a request (start-up jobs) it is the {@code system} user.
 */
@ApplicationScoped
public class CurrentUser {
    public static final String SYSTEM = "system";

    @Inject
    SecurityIdentity identity;

    public record Snapshot(String id, String name, Set<String> roles) {
        public boolean has(String role) { return roles.contains(role); }
    }

    public Snapshot get() {
        if (!io.quarkus.arc.Arc.container().requestContext().isActive() || identity == null || identity.isAnonymous()) {
            return new Snapshot(SYSTEM, SYSTEM, Set.of());
        }
        String name = identity.getPrincipal().getName();
        String id = name;
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            id = jwt.getSubject();
        }
        return new Snapshot(id, name, new TreeSet<>(identity.getRoles()));
    }

    public String name() { return get().name(); }

    public boolean has(String role) { return get().has(role); }
}
