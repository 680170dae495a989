-- One delivery pipeline: every message the bot sends on its own (officials' notifications, ticket
-- replies, reminders, waitlist promotions, activity changes and cancellations, WeChat replies that
-- could not be sent at once) is one row here, delivered by one worker through the lane of its
-- channel (src/delivery). Replaces activity_outbox, push_outbox and wechat_outbox.
-- All times are ISO-8601 UTC strings (text order is time order).
CREATE TABLE deliveries (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  dedupe_key        TEXT NOT NULL UNIQUE,          -- the same message is never queued twice for one conversation
  kind              TEXT NOT NULL,                 -- notification, ticket_reply, reminder, promotion, activity_changed, activity_cancelled, registration_cancelled, reply
  channel_id        TEXT NOT NULL,
  ref_key           TEXT NOT NULL,                 -- channelId|conversationId
  payload           TEXT NOT NULL,                 -- JSON array of Bot Framework activities
  notification_id   INTEGER,
  ticket_message_id INTEGER,
  registration_id   INTEGER,
  consent_id        INTEGER,                       -- the subscription a notification relies on
  status            TEXT NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'expired', 'unknown', 'skipped')),
  attempts          INTEGER NOT NULL DEFAULT 0,
  due_at            TEXT NOT NULL,
  expires_at        TEXT,                          -- still queued then: 'expired'
  lease_until       TEXT,                          -- while 'sending'
  last_error        TEXT,                          -- the reason of failed / expired / unknown / skipped, or of the last retry
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  sent_at           TEXT
);
CREATE INDEX deliveries_due ON deliveries (status, channel_id, due_at, id);
CREATE INDEX deliveries_ref ON deliveries (ref_key, status, id);
CREATE INDEX deliveries_notification ON deliveries (notification_id, channel_id, status);
CREATE INDEX deliveries_registration ON deliveries (registration_id, kind, status);
CREATE INDEX deliveries_ticket ON deliveries (ticket_message_id);
CREATE INDEX deliveries_consent ON deliveries (consent_id, status);
CREATE INDEX deliveries_sent ON deliveries (channel_id, status, sent_at);

-- What the three old outboxes held moves over: history keeps its state, pending rows stay queued.
INSERT INTO deliveries (dedupe_key, kind, channel_id, ref_key, payload, registration_id, status, attempts, due_at,
                        last_error, created_at, updated_at, sent_at)
SELECT 'activity:' || o.registration_id || ':' || o.kind || ':' || o.dedupe_key, o.kind,
       substr(o.ref_key, 1, instr(o.ref_key, '|') - 1), o.ref_key,
       json_array(json_object('type', 'message', 'text', o.message)), o.registration_id,
       CASE WHEN o.sent_at IS NOT NULL THEN 'sent'
            WHEN o.gave_up_at IS NOT NULL AND o.last_error = 'no longer relevant' THEN 'expired'
            WHEN o.gave_up_at IS NOT NULL THEN 'failed' ELSE 'queued' END,
       o.attempts, o.due_at, o.last_error, o.created_at, o.created_at, o.sent_at
  FROM activity_outbox o;

INSERT INTO deliveries (dedupe_key, kind, channel_id, ref_key, payload, notification_id, ticket_message_id, consent_id,
                        status, attempts, due_at, last_error, created_at, updated_at, sent_at)
SELECT CASE WHEN p.notification_id IS NOT NULL THEN 'notification:' || p.notification_id || ':' || p.ref_key
            ELSE 'ticket:' || p.ticket_message_id || ':' || p.ref_key END,
       CASE WHEN p.notification_id IS NOT NULL THEN 'notification' ELSE 'ticket_reply' END,
       p.channel_id, p.ref_key,
       CASE WHEN p.notification_id IS NOT NULL THEN
              json_array(json_object('type', 'message', 'text', n.message, 'textFormat', 'plain',
                'suggestedActions', CASE WHEN json_array_length(n.actions) > 0 THEN json_object('actions',
                  (SELECT json_group_array(json_object('type', 'imBack', 'title', value, 'value', value)) FROM json_each(n.actions))) END))
            ELSE json_array(json_object('type', 'message', 'textFormat', 'plain',
              'text', '【服务专员回复】（工单 #' || m.ticket_id || '）' || char(10) || m.text || char(10) || char(10) ||
                      '如还有疑问，可直接提问，或输入“转人工”再次联系服务专员。')) END,
       p.notification_id, p.ticket_message_id, p.consent_id,
       CASE p.status WHEN 'sending' THEN 'unknown' ELSE p.status END,
       p.attempts, p.due_at,
       CASE p.status WHEN 'sending' THEN '发送中断，结果未知' ELSE p.last_error END,
       p.created_at, p.created_at, p.sent_at
  FROM push_outbox p
  LEFT JOIN notifications n ON n.id = p.notification_id
  LEFT JOIN ticket_messages m ON m.id = p.ticket_message_id;

INSERT INTO deliveries (dedupe_key, kind, channel_id, ref_key, payload, status, attempts, due_at, last_error, created_at, updated_at, sent_at)
SELECT 'wechat_outbox:' || w.id, 'reply', 'wechat', 'wechat|' || w.conversation_id,
       json_array(json_object('type', 'message', 'text', w.text, 'channelData', json_object('wechatRendered',
         json_object('menu', json(w.menu), 'mention', CASE WHEN w.mention_id IS NOT NULL THEN json_object('id', w.mention_id, 'name', w.mention_name) END)))),
       CASE w.status WHEN 'pending' THEN 'queued' WHEN 'sending' THEN 'unknown' ELSE w.status END,
       w.attempts,
       strftime('%Y-%m-%dT%H:%M:%fZ', w.next_attempt_at / 1000.0, 'unixepoch'),
       CASE w.status WHEN 'sending' THEN '发送中断，结果未知' ELSE w.last_error END,
       strftime('%Y-%m-%dT%H:%M:%fZ', w.created_at / 1000.0, 'unixepoch'),
       strftime('%Y-%m-%dT%H:%M:%fZ', w.created_at / 1000.0, 'unixepoch'),
       CASE WHEN w.sent_at IS NOT NULL THEN strftime('%Y-%m-%dT%H:%M:%fZ', w.sent_at / 1000.0, 'unixepoch') END
  FROM wechat_outbox w;

DROP TABLE activity_outbox;
DROP TABLE push_outbox;
DROP TABLE wechat_outbox;

-- Registrations an official cancelled carry the reason they gave.
ALTER TABLE registrations ADD COLUMN cancel_note TEXT;
