-- PostgreSQL version of 072_wechat_oa.sql: the same tables and columns in PostgreSQL's DDL.
-- WeChat Official Account (服务号) channel.

-- The API access token, shared across restarts so a restart does not fetch a new one. Never logged.
CREATE TABLE wechat_oa_tokens (
  app_id       TEXT PRIMARY KEY,
  access_token TEXT NOT NULL,
  expires_at   BIGINT NOT NULL,              -- epoch milliseconds
  updated_at   TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
);

-- Followers the bot has heard from: whether they still follow (nothing is sent to those who
-- unfollowed) and when they last wrote, clicked or scanned (the 48-hour customer-service window).
CREATE TABLE wechat_oa_followers (
  open_id          TEXT PRIMARY KEY,
  following        INTEGER NOT NULL DEFAULT 1 CHECK (following IN (0, 1)),
  followed_at      TEXT,
  unfollowed_at    TEXT,
  last_inbound_at  BIGINT,                   -- epoch milliseconds
  updated_at       TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
);
