-- PostgreSQL version of 001_core.sql: the same tables and columns in PostgreSQL's DDL.
-- Bot Framework state (ConversationState, UserState): one JSON document per key.
CREATE TABLE bot_state (
  key        TEXT PRIMARY KEY,
  doc        TEXT NOT NULL,
  etag       TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
);

-- Where to reach every conversation later (reminders, notifications, waitlist promotions).
CREATE TABLE conversation_references (
  ref_key         TEXT PRIMARY KEY,          -- channelId + '|' + conversationId
  channel_id      TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  user_name       TEXT,
  service_url     TEXT,
  reference       TEXT NOT NULL,             -- the full ConversationReference as JSON
  created_at      TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
  updated_at      TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
);
CREATE INDEX conversation_references_user ON conversation_references (channel_id, user_id);
