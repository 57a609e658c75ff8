-- Reader studies: cases built from archive series mapped to contrast phases, readers assigned by user name,
-- versioned reads (every autosave kept), and the pathology reference that readers never see.

CREATE TABLE reader_study (
    id             BIGSERIAL PRIMARY KEY,
    name           TEXT NOT NULL,
    purpose        TEXT NOT NULL DEFAULT '',
    lesion_labels  TEXT[] NOT NULL,
    phases         TEXT[] NOT NULL,
    blinded        BOOLEAN NOT NULL DEFAULT TRUE,
    status         TEXT NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED')),
    created_by     TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE study_reader (
    study_fk     BIGINT NOT NULL REFERENCES reader_study (id) ON DELETE CASCADE,
    reader_name  TEXT NOT NULL,
    PRIMARY KEY (study_fk, reader_name)
);
CREATE INDEX study_reader_name_idx ON study_reader (reader_name);

CREATE TABLE study_case (
    id                  BIGSERIAL PRIMARY KEY,
    study_fk            BIGINT NOT NULL REFERENCES reader_study (id) ON DELETE CASCADE,
    label               TEXT NOT NULL,
    archive_study_uid   TEXT NOT NULL,
    position            INTEGER NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (study_fk, label)
);

CREATE TABLE case_series (
    case_fk             BIGINT NOT NULL REFERENCES study_case (id) ON DELETE CASCADE,
    phase               TEXT NOT NULL,
    series_instance_uid TEXT NOT NULL,
    PRIMARY KEY (case_fk, phase)
);
CREATE INDEX case_series_uid_idx ON case_series (series_instance_uid);

CREATE TABLE case_pathology (
    case_fk            BIGINT PRIMARY KEY REFERENCES study_case (id) ON DELETE CASCADE,
    who_grade          TEXT CHECK (who_grade IN ('G1', 'G2', 'G3')),
    ki67_percent       NUMERIC(5, 2) CHECK (ki67_percent >= 0 AND ki67_percent <= 100),
    mitotic_count      NUMERIC(7, 2) CHECK (mitotic_count >= 0),
    source             TEXT CHECK (source IN ('RESECTION', 'EUS_FNA')),
    released_to_board  BOOLEAN NOT NULL DEFAULT FALSE,
    recorded_by        TEXT NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE reader_read (
    id            BIGSERIAL PRIMARY KEY,
    case_fk       BIGINT NOT NULL REFERENCES study_case (id) ON DELETE CASCADE,
    reader_name   TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('IN_PROGRESS', 'SUBMITTED')),
    version       INTEGER NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    submitted_at  TIMESTAMPTZ,
    UNIQUE (case_fk, reader_name)
);

CREATE TABLE read_version (
    id        BIGSERIAL PRIMARY KEY,
    read_fk   BIGINT NOT NULL REFERENCES reader_read (id) ON DELETE CASCADE,
    version   INTEGER NOT NULL,
    content   JSONB NOT NULL,
    saved_by  TEXT NOT NULL,
    saved_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (read_fk, version)
);
