-- docker-compose only: Keycloak's own database beside Delineo's (development credentials).
CREATE ROLE keycloak LOGIN PASSWORD 'keycloak';
CREATE DATABASE keycloak OWNER keycloak;
