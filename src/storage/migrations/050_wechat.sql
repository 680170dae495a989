-- WeChat channel (wechaty).

-- Who is behind each WeChat conversation. Personal-WeChat ids can change between logins, so the
-- contact's name and alias (or the room's topic) are kept to find them again for proactive sends.
CREATE TABLE wechat_conversations (
  conversation_id TEXT PRIMARY KEY,            -- 'contact:<id>' or 'room:<id>' (activity.conversation.id)
  kind            TEXT NOT NULL CHECK (kind IN ('contact', 'room')),
  wechat_id       TEXT NOT NULL,               -- latest known contact / room id
  name            TEXT,
  alias           TEXT,
  topic           TEXT,
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);

-- The last numbered menu shown in each conversation, so a reply "1" maps back to its choice.
CREATE TABLE wechat_menus (
  conversation_id TEXT PRIMARY KEY,
  options         TEXT NOT NULL,               -- JSON [{label, value}]
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);

-- Proactive messages (notifications, reminders, waitlist promotions) waiting to be sent, one
-- serial queue per account. Times are epoch milliseconds.
CREATE TABLE wechat_outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  account         TEXT NOT NULL,               -- WECHATY_NAME
  conversation_id TEXT NOT NULL,
  mention_id      TEXT,                        -- room sends: the member to @-mention
  mention_name    TEXT,
  text            TEXT NOT NULL,
  menu            TEXT,                        -- JSON menu shown by this message, if any
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER
);
CREATE INDEX wechat_outbox_due ON wechat_outbox (account, status, next_attempt_at);
CREATE INDEX wechat_outbox_sent ON wechat_outbox (account, status, sent_at);
