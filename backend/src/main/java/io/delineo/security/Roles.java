package io.delineo.security;

/** Realm roles of the Keycloak realm {@code delineo}; the only role names endpoints may declare. */
public final class Roles {
    public static final String READER = "reader";
    public static final String PI = "pi";
    public static final String BOARD = "board";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
