-- Questions the bot could not answer from the policy (honest fallbacks), for officials to review.
CREATE TABLE IF NOT EXISTS unanswered_questions (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  text            TEXT NOT NULL,               -- what the user wrote (cut to 1000 characters)
  normalized      TEXT,                        -- after normalisation (typos, synonyms)
  channel         TEXT NOT NULL,               -- channelId: directline, webchat, wechat, emulator…
  conversation_id TEXT,
  user_id         TEXT,
  intent          TEXT,                        -- recognised intent (usually none / policy_question)
  intent_score    REAL,
  reason          TEXT NOT NULL,               -- out_of_scope | low_confidence | no_topic | unreadable
  candidates      TEXT NOT NULL DEFAULT '[]',  -- JSON: best knowledge items [{id, title, score}]
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  resolved_at     TEXT                         -- set by an official when handled
);
CREATE INDEX IF NOT EXISTS unanswered_questions_created ON unanswered_questions (created_at);
CREATE INDEX IF NOT EXISTS unanswered_questions_open ON unanswered_questions (resolved_at, created_at);
