-- DICOM archive index: patient → study → series → instance, with the geometry the volume builder needs.
-- Files live in the content-addressed file store ({data-dir}/archive/ab/cd/<sha256>.dcm); rows point at them.

CREATE TABLE patient (
    id            BIGSERIAL PRIMARY KEY,
    patient_id    TEXT NOT NULL,
    issuer        TEXT NOT NULL DEFAULT '',
    patient_name  TEXT,
    birth_date    TEXT,
    sex           TEXT,
    UNIQUE (patient_id, issuer)
);

CREATE TABLE study (
    id                   BIGSERIAL PRIMARY KEY,
    study_instance_uid   TEXT NOT NULL UNIQUE,
    patient_fk           BIGINT NOT NULL REFERENCES patient (id),
    study_date           TEXT,
    study_time           TEXT,
    accession_number     TEXT,
    study_id             TEXT,
    study_description    TEXT,
    referring_physician  TEXT,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX study_patient_idx ON study (patient_fk);
CREATE INDEX study_date_idx ON study (study_date);

CREATE TABLE series (
    id                         BIGSERIAL PRIMARY KEY,
    series_instance_uid        TEXT NOT NULL UNIQUE,
    study_fk                   BIGINT NOT NULL REFERENCES study (id),
    modality                   TEXT,
    series_number              INTEGER,
    series_description         TEXT,
    series_date                TEXT,
    series_time                TEXT,
    body_part_examined         TEXT,
    protocol_name              TEXT,
    frame_of_reference_uid     TEXT,
    contrast_bolus_agent       TEXT,
    contrast_bolus_route       TEXT,
    contrast_bolus_start_time  TEXT,
    scanning_sequence          TEXT,
    sequence_name              TEXT,
    image_type                 TEXT,
    created_at                 TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX series_study_idx ON series (study_fk);

CREATE TABLE instance (
    id                          BIGSERIAL PRIMARY KEY,
    sop_instance_uid            TEXT NOT NULL UNIQUE,
    sop_class_uid               TEXT NOT NULL,
    series_fk                   BIGINT NOT NULL REFERENCES series (id),
    instance_number             INTEGER,
    transfer_syntax_uid         TEXT NOT NULL,
    rows                        INTEGER,
    columns                     INTEGER,
    number_of_frames            INTEGER,
    bits_allocated              INTEGER,
    samples_per_pixel           INTEGER,
    photometric_interpretation  TEXT,
    image_position_patient      DOUBLE PRECISION[],
    image_orientation_patient   DOUBLE PRECISION[],
    pixel_spacing               DOUBLE PRECISION[],
    slice_thickness             DOUBLE PRECISION,
    slice_location              DOUBLE PRECISION,
    rescale_slope               DOUBLE PRECISION,
    rescale_intercept           DOUBLE PRECISION,
    window_center               TEXT,
    window_width                TEXT,
    acquisition_number          INTEGER,
    acquisition_time            TEXT,
    content_time                TEXT,
    file_sha256                 CHAR(64) NOT NULL,
    file_size                   BIGINT NOT NULL,
    received_at                 TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- DICOM JSON (PS3.18 F.2) of the instance without bulk data, served by WADO-RS metadata as-is
    metadata_json               TEXT NOT NULL
);
CREATE INDEX instance_series_idx ON instance (series_fk);
CREATE INDEX instance_sha_idx ON instance (file_sha256);
