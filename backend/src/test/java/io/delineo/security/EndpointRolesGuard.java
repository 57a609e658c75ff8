package io.delineo.security;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rule every JAX-RS endpoint must satisfy: a role declaration on the method or its class
 * ({@code @RolesAllowed}, {@code @DenyAll}), or {@code @PermitAll} together with {@link PublicBecause} giving a
 * reason. Lives in the test tree's package so the guard test and its own self-test share it.
 */
final class EndpointRolesGuard {
    static final Set<DotName> HTTP_METHODS = Set.of(
            DotName.createSimple("jakarta.ws.rs.GET"), DotName.createSimple("jakarta.ws.rs.POST"),
            DotName.createSimple("jakarta.ws.rs.PUT"), DotName.createSimple("jakarta.ws.rs.DELETE"),
            DotName.createSimple("jakarta.ws.rs.PATCH"), DotName.createSimple("jakarta.ws.rs.HEAD"),
            DotName.createSimple("jakarta.ws.rs.OPTIONS"));
    private static final DotName ROLES_ALLOWED = DotName.createSimple("jakarta.annotation.security.RolesAllowed");
    private static final DotName DENY_ALL = DotName.createSimple("jakarta.annotation.security.DenyAll");
    private static final DotName PERMIT_ALL = DotName.createSimple("jakarta.annotation.security.PermitAll");
    private static final DotName PUBLIC_BECAUSE = DotName.createSimple(PublicBecause.class.getName());
    private static final Set<String> KNOWN_ROLES = Set.of(Roles.READER, Roles.PI, Roles.BOARD, Roles.ADMIN);

    private EndpointRolesGuard() {
    }

    /** Every endpoint method found in the index, as "Class#method". */
    static List<MethodInfo> endpoints(IndexView index) {
        List<MethodInfo> endpoints = new ArrayList<>();
        for (DotName http : HTTP_METHODS) {
            for (AnnotationInstance a : index.getAnnotations(http)) {
                if (a.target().kind() == org.jboss.jandex.AnnotationTarget.Kind.METHOD) {
                    endpoints.add(a.target().asMethod());
                }
            }
        }
        return endpoints;
    }

    /** Violations of the rule, one readable line each; empty when every endpoint declares its roles. */
    static List<String> violations(IndexView index) {
        List<String> problems = new ArrayList<>();
        for (MethodInfo m : endpoints(index)) {
            String name = m.declaringClass().name() + "#" + m.name();
            ClassInfo c = m.declaringClass();
            AnnotationInstance roles = first(m.annotation(ROLES_ALLOWED), c.declaredAnnotation(ROLES_ALLOWED));
            AnnotationInstance deny = first(m.annotation(DENY_ALL), c.declaredAnnotation(DENY_ALL));
            AnnotationInstance permit = first(m.annotation(PERMIT_ALL), c.declaredAnnotation(PERMIT_ALL));
            AnnotationInstance because = first(m.annotation(PUBLIC_BECAUSE), c.declaredAnnotation(PUBLIC_BECAUSE));
            // a method-level declaration overrides the class-level one, so look at the method first
            if (m.annotation(ROLES_ALLOWED) != null || (roles != null && m.annotation(PERMIT_ALL) == null)) {
                String[] declared = roles.value().asStringArray();
                if (declared.length == 0) problems.add(name + ": @RolesAllowed names no role");
                for (String r : declared) {
                    if (!KNOWN_ROLES.contains(r)) problems.add(name + ": unknown role '" + r + "'");
                }
            } else if (deny != null) {
                continue;
            } else if (permit != null) {
                AnnotationValue reason = because == null ? null : because.value();
                if (reason == null || reason.asString().isBlank()) {
                    problems.add(name + ": @PermitAll without @PublicBecause(\"reason\")");
                }
            } else {
                problems.add(name + ": no @RolesAllowed, @DenyAll or @PermitAll");
            }
        }
        return problems;
    }

    private static AnnotationInstance first(AnnotationInstance a, AnnotationInstance b) {
        return a != null ? a : b;
    }
}
