-- Runs and their journal, in the subset of SQL that H2 and PostgreSQL share.
--
-- run_events is the journal: every event of every run, as JSON text (see EventJson), in the
-- order of the store-wide sequence. A run's record is rebuilt by replaying its events; runs
-- holds what listing filters and orders on, kept current in the same transaction as each event.

CREATE TABLE runs (
  id            VARCHAR(64) PRIMARY KEY,
  -- The sequence of the run's queued event: newest first is the highest first.
  position      BIGINT      NOT NULL UNIQUE,
  -- RunReport.Kind: FAULT_RECOVERY or PLANNED_MOVE.
  kind          VARCHAR(32) NOT NULL,
  -- RunStatus: QUEUED, RUNNING or ENDED.
  status        VARCHAR(16) NOT NULL,
  -- When it was queued, in nanoseconds since the epoch, so that since/until compare exactly.
  queued_ns     BIGINT      NOT NULL
);

CREATE INDEX runs_by_status ON runs (status, position);

-- The VNFs a run names (its trigger's) or moved (its moves'), for the VNF filter.
CREATE TABLE run_vnfs (
  run_id        VARCHAR(64) NOT NULL REFERENCES runs (id),
  vnf           VARCHAR(128) NOT NULL,
  PRIMARY KEY (run_id, vnf)
);

CREATE INDEX run_vnfs_by_vnf ON run_vnfs (vnf, run_id);

CREATE TABLE run_events (
  sequence      BIGINT      PRIMARY KEY,
  run_id        VARCHAR(64) NOT NULL REFERENCES runs (id),
  -- RunEvent.type(): queued, started, step-started, ...
  type          VARCHAR(32) NOT NULL,
  body          TEXT        NOT NULL
);

CREATE INDEX run_events_by_run ON run_events (run_id, sequence);
