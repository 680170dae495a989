-- Officials' console: access tokens, audit log, notifications and their outbox, hand-off tickets,
-- the short transcript a ticket carries, and daily question statistics for the dashboard.
-- All times are ISO-8601 UTC strings (text order is time order).

-- Tokens created with `npm run admin -- token create`; only the SHA-256 of a token is kept.
CREATE TABLE admin_tokens (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  name         TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  token_hash   TEXT NOT NULL UNIQUE,             -- hex SHA-256 of the token
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at   TEXT
);

-- Who changed what, when: every write through the console or the CLI.
CREATE TABLE admin_audit_log (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,                       -- token name, or 'cli'
  role      TEXT NOT NULL,
  action    TEXT NOT NULL,                       -- e.g. 'activity.create', 'notification.send'
  target    TEXT,                                -- e.g. 'activity:12'
  details   TEXT,                                -- JSON, never secrets
  ip        TEXT
);
CREATE INDEX admin_audit_log_at ON admin_audit_log (at);

-- A push to subscribers; `message` is the text as delivered, `actions` its buttons (JSON array).
CREATE TABLE notifications (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  text        TEXT NOT NULL,                     -- what the official wrote
  message     TEXT NOT NULL,                     -- what recipients get (text + activity details)
  actions     TEXT NOT NULL DEFAULT '[]',
  activity_id INTEGER REFERENCES activities (id),
  audience    TEXT NOT NULL,                     -- JSON filter it was sent with
  recipients  INTEGER NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

-- Conversation transcripts, kept short (the last messages of each conversation) for hand-off tickets.
CREATE TABLE transcript_messages (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  ref_key    TEXT NOT NULL,                      -- channelId|conversationId
  role       TEXT NOT NULL CHECK (role IN ('user', 'bot')),
  text       TEXT NOT NULL,
  at         TEXT NOT NULL
);
CREATE INDEX transcript_messages_ref ON transcript_messages (ref_key, id);
CREATE INDEX transcript_messages_at ON transcript_messages (at);

-- 转人工: a question the bot could not settle, for the 服务专员 to answer.
CREATE TABLE handoff_tickets (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  ref_key         TEXT NOT NULL,                 -- where replies go
  channel_id      TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  user_name       TEXT,
  question        TEXT NOT NULL,
  contact_name    TEXT,                          -- NULL: reply in the conversation only (or erased)
  mobile          TEXT,
  transcript      TEXT NOT NULL DEFAULT '[]',    -- JSON [{role, text, at}] when the ticket was opened
  unanswered_id   INTEGER,                       -- the recorded fallback it came from, if any
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  closed_at       TEXT,
  closed_by       TEXT,
  personal_data_erased_at TEXT
);
CREATE INDEX handoff_tickets_status ON handoff_tickets (status, created_at);
CREATE INDEX handoff_tickets_ref ON handoff_tickets (ref_key, status);

-- The exchange on a ticket after it was opened: officials' replies and the user's additions.
CREATE TABLE ticket_messages (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id   INTEGER NOT NULL REFERENCES handoff_tickets (id),
  author      TEXT NOT NULL CHECK (author IN ('user', 'official')),
  author_name TEXT,
  text        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, id);

-- Proactive messages the console sends (notifications, ticket replies), one row per recipient.
-- A row is claimed ('sending') before it is sent and never re-queued from that state, so a
-- recipient gets a notification at most once, even across a crash; the UNIQUE constraints stop
-- the same notification or reply from being queued twice for one conversation.
CREATE TABLE push_outbox (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  notification_id   INTEGER REFERENCES notifications (id),
  ticket_message_id INTEGER REFERENCES ticket_messages (id),
  ref_key           TEXT NOT NULL,
  channel_id        TEXT NOT NULL,
  consent_id        INTEGER,                     -- the subscription it relies on (notifications)
  status            TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'skipped')),
  attempts          INTEGER NOT NULL DEFAULT 0,
  due_at            TEXT NOT NULL,
  last_error        TEXT,
  created_at        TEXT NOT NULL,
  claimed_at        TEXT,
  sent_at           TEXT,
  CHECK ((notification_id IS NULL) <> (ticket_message_id IS NULL)),
  UNIQUE (notification_id, ref_key),
  UNIQUE (ticket_message_id, ref_key)
);
CREATE INDEX push_outbox_due ON push_outbox (status, channel_id, due_at);
CREATE INDEX push_outbox_notification ON push_outbox (notification_id, channel_id, status);
CREATE INDEX push_outbox_consent ON push_outbox (consent_id, status);

-- Messages users sent, per Beijing day, channel and topic (intent or knowledge item): the dashboard.
CREATE TABLE question_stats (
  day        TEXT NOT NULL,                      -- YYYY-MM-DD, Asia/Shanghai
  channel_id TEXT NOT NULL,
  topic      TEXT NOT NULL,
  count      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, channel_id, topic)
) WITHOUT ROWID;

-- Active notification subscriptions are looked up by kind (consents is in 030_activities.sql).
CREATE INDEX consents_kind_active ON consents (kind, withdrawn_at, channel_id, user_id);
