-- Consensus ROIs: versioned, each recording the exact read versions it came from; at most one approved per case.
CREATE TABLE consensus (
    id            BIGSERIAL PRIMARY KEY,
    case_fk       BIGINT NOT NULL REFERENCES study_case (id) ON DELETE CASCADE,
    version       INTEGER NOT NULL,
    method        TEXT NOT NULL CHECK (method IN ('STAPLE', 'MAJORITY', 'EDITED')),
    threshold     DOUBLE PRECISION,
    based_on      INTEGER,
    sources       JSONB NOT NULL,
    content       JSONB NOT NULL,
    reader_stats  JSONB NOT NULL,
    created_by    TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    approved      BOOLEAN NOT NULL DEFAULT FALSE,
    approved_by   TEXT,
    approved_at   TIMESTAMPTZ,
    UNIQUE (case_fk, version)
);
CREATE UNIQUE INDEX consensus_one_approved_per_case ON consensus (case_fk) WHERE approved;
