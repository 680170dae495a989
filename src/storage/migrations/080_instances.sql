-- Several instances on one database (PostgreSQL; harmless on SQLite, where one process runs).

-- Which instance claimed a delivery (and, once settled, recorded its outcome): INSTANCE_ID or the
-- id /healthz shows. A 'sending' row whose lease_until has passed was left by an instance that
-- stopped mid-send; another instance settles it (src/delivery/outbox.ts).
ALTER TABLE deliveries ADD COLUMN claimed_by TEXT;
CREATE INDEX deliveries_lease ON deliveries (status, lease_until);

-- The last period each periodic job ran in (period = epoch seconds / the job's interval, rounded
-- down): the instance that moves it forward runs the job, the others skip that period.
CREATE TABLE scheduled_runs (
  name        TEXT PRIMARY KEY,
  period      BIGINT NOT NULL,
  instance    TEXT NOT NULL,
  started_at  TEXT NOT NULL
);
