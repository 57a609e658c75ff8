-- Tumour board: cases the PI releases to the board, and the board's versioned decisions.
CREATE TABLE board_release (
    case_fk      BIGINT PRIMARY KEY REFERENCES study_case (id) ON DELETE CASCADE,
    released_by  TEXT NOT NULL,
    released_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    note         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE board_decision (
    id              BIGSERIAL PRIMARY KEY,
    case_fk         BIGINT NOT NULL REFERENCES study_case (id) ON DELETE CASCADE,
    version         INTEGER NOT NULL,
    final_grade     TEXT NOT NULL CHECK (final_grade IN ('G1', 'G2', 'G3', 'UNDETERMINED')),
    treatment       TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    attendees       TEXT[] NOT NULL,
    decided_by      TEXT NOT NULL,
    decided_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (case_fk, version)
);

-- Grade models (ONNX) registered in the portal and predictions made with them.
CREATE TABLE grade_model (
    id             BIGSERIAL PRIMARY KEY,
    model_id       TEXT NOT NULL,
    version        TEXT NOT NULL,
    card           JSONB NOT NULL,
    sha256         CHAR(64) NOT NULL,
    file_path      TEXT NOT NULL,
    source         TEXT NOT NULL CHECK (source IN ('SHIPPED', 'UPLOADED', 'TRAINED')),
    registered_by  TEXT NOT NULL,
    registered_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (model_id, version)
);

CREATE TABLE prediction (
    id                 BIGSERIAL PRIMARY KEY,
    case_fk            BIGINT NOT NULL REFERENCES study_case (id) ON DELETE CASCADE,
    model_fk           BIGINT NOT NULL REFERENCES grade_model (id),
    model_sha256       CHAR(64) NOT NULL,
    input_hash         CHAR(64) NOT NULL,
    consensus_version  INTEGER NOT NULL,
    probabilities      JSONB NOT NULL,
    predicted_grade    TEXT NOT NULL,
    latency_ms         DOUBLE PRECISION NOT NULL,
    created_by         TEXT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX prediction_case_idx ON prediction (case_fk, id);
