-- Radiomics feature jobs and their results; each result records settings, software version and the ROI version.
CREATE TABLE feature_job (
    id             BIGSERIAL PRIMARY KEY,
    study_fk       BIGINT NOT NULL REFERENCES reader_study (id) ON DELETE CASCADE,
    settings       JSONB NOT NULL,
    settings_hash  CHAR(64) NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total          INTEGER NOT NULL DEFAULT 0,
    done           INTEGER NOT NULL DEFAULT 0,
    skipped        INTEGER NOT NULL DEFAULT 0,
    failed         INTEGER NOT NULL DEFAULT 0,
    errors         JSONB NOT NULL DEFAULT '[]',
    created_by     TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at    TIMESTAMPTZ
);
CREATE INDEX feature_job_study_idx ON feature_job (study_fk, id);

CREATE TABLE feature_set (
    id                   BIGSERIAL PRIMARY KEY,
    job_fk               BIGINT REFERENCES feature_job (id) ON DELETE SET NULL,
    case_fk              BIGINT NOT NULL REFERENCES study_case (id) ON DELETE CASCADE,
    phase                TEXT NOT NULL,
    series_instance_uid  TEXT NOT NULL,
    roi_source           TEXT NOT NULL,
    roi_version          INTEGER NOT NULL,
    lesion_label         TEXT NOT NULL,
    settings_hash        CHAR(64) NOT NULL,
    software_version     TEXT NOT NULL,
    voxel_count          INTEGER NOT NULL,
    feature_values       JSONB NOT NULL,
    computed_by          TEXT NOT NULL,
    computed_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (case_fk, phase, roi_source, roi_version, lesion_label, settings_hash)
);
CREATE INDEX feature_set_case_idx ON feature_set (case_fk, settings_hash);

CREATE TABLE robust_feature_selection (
    study_fk       BIGINT NOT NULL REFERENCES reader_study (id) ON DELETE CASCADE,
    settings_hash  CHAR(64) NOT NULL,
    icc_type       TEXT NOT NULL CHECK (icc_type IN ('ICC21', 'ICC31')),
    min_icc        DOUBLE PRECISION NOT NULL,
    features       TEXT[] NOT NULL,
    created_by     TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (study_fk, settings_hash)
);
