-- PostgreSQL version of 010_directline.sql: the same tables and columns in PostgreSQL's DDL.
-- Direct Line (web chat): conversations and their activity streams, kept so a reconnect after a
-- restart still shows the history and messages pushed while the user was away are waiting.
CREATE TABLE directline_conversations (
  conversation_id TEXT PRIMARY KEY,
  -- NULL until the user is known (token, start request or first message); the welcome runs then.
  user_id         TEXT,
  user_name       TEXT,
  locale          TEXT,
  created_at      TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
);

-- One row per activity in a conversation's stream; seq is the Direct Line watermark.
CREATE TABLE directline_activities (
  conversation_id TEXT    NOT NULL REFERENCES directline_conversations (conversation_id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  type            TEXT    NOT NULL,
  activity        TEXT    NOT NULL,          -- the activity as JSON, exactly as clients receive it
  created_at      TEXT    NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
  PRIMARY KEY (conversation_id, seq)
);

-- Channel settings that must survive restarts (the generated token signing key).
CREATE TABLE directline_settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
