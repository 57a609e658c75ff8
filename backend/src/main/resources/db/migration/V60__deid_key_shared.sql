-- The de-identification key is shared by every portal replica: it lives here instead of in each replica's data
-- directory (a key per replica gave the same original different pseudonyms on different replicas).
-- One row; an installation that had <data-dir>/deid.key adopts it on first use (DeidMappings).
CREATE TABLE deid_key (
    id          SMALLINT PRIMARY KEY CHECK (id = 1),
    secret      BYTEA NOT NULL CHECK (octet_length(secret) = 32),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
