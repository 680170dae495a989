import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../src/storage/database';
import { MIGRATIONS_DIR, migrate } from '../../src/storage/migrate';
import { removeDb, tempDbPath } from '../helpers/testApp';

/** 070_delivery.sql moves what the three old outboxes held into `deliveries` and drops them. */
test('the old outboxes move into the one outbox: history keeps its state, pending rows stay queued, interrupted ones are unknown', async () => {
  const dbPath = tempDbPath();
  const oldDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huibot-migrations-'));
  for (const file of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '070')) fs.copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(oldDir, file));
  const db = await Database.open(dbPath);
  try {
    await migrate(db, undefined, oldDir);
    const t = '2030-06-03T02:00:00.000Z';
    await db.run(
      `INSERT INTO activities (type, title, starts_at, ends_at, place, capacity, signup_deadline, status, created_at, updated_at)
       VALUES ('salon', '沙龙', '2030-06-10T02:00:00.000Z', '2030-06-10T04:00:00.000Z', '园区', 10, '2030-06-09T02:00:00.000Z', 'published', ?, ?)`,
      [t, t],
    );
    await db.run(
      `INSERT INTO registrations (activity_id, credit_code, enterprise_name, attendees, status, channel_id, user_id, ref_key, created_at, updated_at, registered_at)
       VALUES (1, 'X', '企业', 1, 'confirmed', 'directline', 'u', 'directline|c1', ?, ?, ?)`,
      [t, t, t],
    );
    await db.run(
      `INSERT INTO activity_outbox (registration_id, kind, dedupe_key, ref_key, message, due_at, created_at, sent_at) VALUES
         (1, 'promotion', 'k1', 'directline|c1', '有名额了', ?, ?, ?), (1, 'reminder', 'k2', 'directline|c1', '活动提醒', ?, ?, NULL)`,
      [t, t, t, t, t],
    );
    await db.run(`INSERT INTO notifications (text, message, actions, audience, recipients, created_by, created_at) VALUES ('通知', '【通知】', '["报名：沙龙"]', '{}', 2, 'bob', ?)`, [t]);
    await db.run(
      `INSERT INTO push_outbox (notification_id, ref_key, channel_id, status, due_at, created_at, sent_at) VALUES
         (1, 'wechat|contact:a', 'wechat', 'sent', ?, ?, ?), (1, 'emulator|b', 'emulator', 'sending', ?, ?, NULL)`,
      [t, t, t, t, t],
    );
    await db.run(
      `INSERT INTO wechat_outbox (account, conversation_id, text, menu, status, next_attempt_at, created_at) VALUES ('huibot', 'contact:a', '回复', '[{"label":"是","value":"是"}]', 'pending', 0, 0)`,
    );

    await migrate(db, undefined, MIGRATIONS_DIR);
    const rows = await db.all<{ kind: string; channel_id: string; status: string; payload: string; last_error: string | null }>(
      'SELECT kind, channel_id, status, payload, last_error FROM deliveries ORDER BY id',
    );
    expect(rows.map((r) => [r.kind, r.channel_id, r.status])).toEqual([
      ['promotion', 'directline', 'sent'],
      ['reminder', 'directline', 'queued'],
      ['notification', 'wechat', 'sent'],
      ['notification', 'emulator', 'unknown'],
      ['reply', 'wechat', 'queued'],
    ]);
    expect(JSON.parse(rows[2].payload)[0]).toMatchObject({ text: '【通知】', textFormat: 'plain', suggestedActions: { actions: [{ type: 'imBack', value: '报名：沙龙' }] } });
    expect(JSON.parse(rows[4].payload)[0]).toMatchObject({ text: '回复', channelData: { wechatRendered: { menu: [{ label: '是', value: '是' }] } } });
    expect(rows[3].last_error).toContain('结果未知');
    const old = await db.all(`SELECT name FROM sqlite_master WHERE name IN ('activity_outbox', 'push_outbox', 'wechat_outbox')`);
    expect(old).toEqual([]);
  } finally {
    await db.close();
    removeDb(dbPath);
    fs.rmSync(oldDir, { recursive: true, force: true });
  }
});
