-- Activities (企业沙龙, 培训辅导, 专场招聘 ...), their registrations, consents and the outbox
-- of proactive messages (reminders, waitlist promotions, cancellations).
-- All times are ISO-8601 UTC strings from Date.toISOString(), so text order is time order.

CREATE TABLE activities (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  type                 TEXT NOT NULL CHECK (type IN ('salon', 'training', 'jobfair', 'other')),
  title                TEXT NOT NULL,
  description          TEXT NOT NULL DEFAULT '',
  starts_at            TEXT NOT NULL,
  ends_at              TEXT NOT NULL,
  place                TEXT,
  online_url           TEXT,
  capacity             INTEGER NOT NULL CHECK (capacity > 0),           -- seats (attendees), not enterprises
  signup_deadline      TEXT NOT NULL,
  eligible_tiers       TEXT,                                            -- JSON array of 1|2|3; NULL = every tier
  seats_per_enterprise INTEGER NOT NULL DEFAULT 2 CHECK (seats_per_enterprise > 0),
  status               TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'cancelled')),
  cancel_reason        TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  published_at         TEXT,
  cancelled_at         TEXT,
  CHECK (ends_at > starts_at),
  CHECK (place IS NOT NULL OR online_url IS NOT NULL)
);
CREATE INDEX activities_listing ON activities (status, starts_at);

-- Who agreed to which notice, when, where; also meant for later consents (e.g. notifications).
CREATE TABLE consents (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  kind            TEXT NOT NULL,                 -- 'activity_signup', 'notifications', ...
  notice_id       TEXT NOT NULL,
  notice_version  TEXT NOT NULL,
  channel_id      TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  conversation_id TEXT,
  ref_key         TEXT,                          -- channelId|conversationId
  subject         TEXT,                          -- what it covers, e.g. 'activity:42' (the sign-up notice for it)
  granted_at      TEXT NOT NULL,
  withdrawn_at    TEXT,
  withdrawn_via   TEXT                           -- 'cancel_signup', 'handoff', 'admin', ...
);
CREATE INDEX consents_user ON consents (channel_id, user_id, kind);
CREATE INDEX consents_subject ON consents (subject);

CREATE TABLE registrations (
  id                      INTEGER PRIMARY KEY AUTOINCREMENT,
  activity_id             INTEGER NOT NULL REFERENCES activities (id),
  credit_code             TEXT NOT NULL,         -- 统一社会信用代码, normalised
  enterprise_name         TEXT NOT NULL,
  contact_name            TEXT,                  -- NULL once erased (withdrawal or retention)
  mobile                  TEXT,
  attendees               INTEGER NOT NULL CHECK (attendees > 0),
  positions               TEXT,                  -- job fairs: JSON [{title, headcount}]
  tier                    INTEGER CHECK (tier IN (1, 2, 3)),
  status                  TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled', 'checked_in')),
  waitlist_seq            INTEGER,               -- order on the waitlist (kept after leaving it)
  channel_id              TEXT NOT NULL,
  user_id                 TEXT NOT NULL,
  ref_key                 TEXT,                  -- channelId|conversationId it came from
  consent_id              INTEGER REFERENCES consents (id),
  cancel_reason           TEXT,                  -- 'user', 'activity_cancelled', 'admin'
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL,
  registered_at           TEXT NOT NULL,         -- latest (re-)registration
  confirmed_at            TEXT,
  cancelled_at            TEXT,
  checked_in_at           TEXT,
  personal_data_erased_at TEXT,
  UNIQUE (activity_id, credit_code)
);
-- Covers the seat count (SUM of attendees), the waitlist order and positions.
CREATE INDEX registrations_activity_status ON registrations (activity_id, status, waitlist_seq, attendees);
CREATE INDEX registrations_user ON registrations (channel_id, user_id);

-- Proactive messages to registrants. Written in the same transaction as the change that causes
-- them, delivered by the scheduler; sent_at makes delivery survive restarts without repeats.
CREATE TABLE activity_outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  registration_id INTEGER NOT NULL REFERENCES registrations (id),
  kind            TEXT NOT NULL CHECK (kind IN ('reminder', 'promotion', 'activity_cancelled', 'activity_changed')),
  dedupe_key      TEXT NOT NULL,                 -- e.g. the start time a reminder is for
  ref_key         TEXT NOT NULL,
  message         TEXT NOT NULL,
  due_at          TEXT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  sent_at         TEXT,
  gave_up_at      TEXT,                          -- skipped (no longer relevant) or failed too often
  UNIQUE (registration_id, kind, dedupe_key)
);
CREATE INDEX activity_outbox_pending ON activity_outbox (sent_at, gave_up_at, due_at);
