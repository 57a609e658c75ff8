-- De-identification mappings, kept apart from the archive index: original UID / patient ID → replacement.
-- Readable only by PIs and administrators through the API; every lookup is audited.
CREATE TABLE deid_map (
    kind         TEXT NOT NULL CHECK (kind IN ('UID', 'PATIENT_ID')),
    original     TEXT NOT NULL,
    replacement  TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, original),
    UNIQUE (kind, replacement)
);
