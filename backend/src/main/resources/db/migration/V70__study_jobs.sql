-- Background work on db-scheduler (io.delineo.jobs). The engine's own table, as db-scheduler 16 expects it on
-- PostgreSQL: one row per scheduled execution, picked and heartbeaten by the replica running it.
CREATE TABLE scheduled_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMPTZ NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMPTZ,
    last_failure         TIMESTAMPTZ,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMPTZ,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- A study-wide job (the parent) and its work items, one per case (or one for the whole job). An item is executed
-- as the db-scheduler instance '<job id>:<item key>', so scheduling it twice is still one item.
CREATE TABLE study_job (
    id                BIGSERIAL PRIMARY KEY,
    kind              TEXT NOT NULL,
    study_id          BIGINT REFERENCES reader_study (id) ON DELETE CASCADE,
    requested_by      TEXT NOT NULL,
    requested_by_id   TEXT NOT NULL,
    requester_roles   TEXT[] NOT NULL,
    settings          JSONB NOT NULL DEFAULT '{}',
    state             TEXT NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    total             INTEGER NOT NULL DEFAULT 0,
    done              INTEGER NOT NULL DEFAULT 0,
    failed            INTEGER NOT NULL DEFAULT 0,
    cancelled         INTEGER NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at       TIMESTAMPTZ
);
CREATE INDEX study_job_study_idx ON study_job (study_id, kind, id);

CREATE TABLE study_job_item (
    id            BIGSERIAL PRIMARY KEY,
    job_fk        BIGINT NOT NULL REFERENCES study_job (id) ON DELETE CASCADE,
    item_key      TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    run_by        TEXT,
    reason        TEXT,
    result        JSONB,
    finished_at   TIMESTAMPTZ,
    UNIQUE (job_fk, item_key)
);

-- feature jobs now run as study jobs (one item per case); their status follows the study job's state
ALTER TABLE feature_job ADD COLUMN study_job_fk BIGINT REFERENCES study_job (id) ON DELETE SET NULL;
ALTER TABLE feature_job DROP CONSTRAINT feature_job_status_check;
ALTER TABLE feature_job ADD CONSTRAINT feature_job_status_check
    CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'));
