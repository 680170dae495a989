/**
 * Notification push throughput: one notification to N web chat subscribers (default 10,000),
 * through the real path — POST /admin/api/notifications, the delivery outbox and worker, and the
 * web chat lane, which appends each message to its conversation and marks it sent in one transaction.
 *
 *   npm run bench:push              # 10,000 subscribers
 *   npm run bench:push -- 2000      # another count
 *
 * Prints the time the API took to accept the notification (202) and the time until every
 * recipient's message was stored in its web chat conversation. Uses a temporary database.
 */
process.env.DOTENV_CONFIG_QUIET = 'true';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { directLineFeature } from '../src/features/directline';
import { activitiesFeature } from '../src/features/activities';
import { adminFeature } from '../src/features/admin';
import { referenceKey } from '../src/storage/conversationReferences';
import type { Recognizer } from '../src/nlu/types';

const TOKEN = 'bench-editor-token-0123456789';
const POLL_MS = 100;
const TIMEOUT_MS = 10 * 60_000;

const recognizer: Recognizer = {
  async recognize(text) {
    return { text, normalized: text, intent: 'none', intentScore: 0, entities: {}, candidates: [] };
  },
};

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

async function main(): Promise<void> {
  const count = Math.max(1, Number(process.argv[2] ?? 10_000) || 10_000);
  const dbPath = path.join(os.tmpdir(), `huibot-bench-push-${randomUUID()}.db`);
  const config = loadConfig({ DB_PATH: dbPath, LOG_LEVEL: 'silent', SEED_DEMO: 'false', ADMIN_TOKENS: `bench:editor:${TOKEN}` });
  const app = await createApp(config, {
    features: async (services) => {
      const directLine = await directLineFeature(services);
      const activities = await activitiesFeature(services);
      const admin = await adminFeature(services, { activities: activities.module });
      return { directLine, activities, admin };
    },
    recognizer,
  });
  const url = await app.listen(0, '127.0.0.1');
  const directLine = app.features.directLine.service;
  const admin = app.features.admin.module;

  try {
    // Subscribers as the chat leaves them: a web chat conversation, its reference, a consent.
    const seedStart = Date.now();
    for (let i = 0; i < count; i++) {
      const conversationId = `bench-${i}-${randomUUID().slice(0, 8)}`;
      const userId = `dl_bench_${i}`;
      await directLine.conversations.create({ conversationId, userId, locale: 'zh-CN' });
      const refKey = await app.services.proactive.references.save({
        channelId: 'directline',
        conversation: { id: conversationId } as never,
        user: { id: userId, role: 'user' } as never,
        bot: { id: 'huibot', name: '汇计划助手' },
        serviceUrl: directLine.adapter.serviceUrl,
        locale: 'zh-CN',
      });
      await admin.subscriptions.subscribe({ channelId: 'directline', userId, conversationId, refKey: referenceKey('directline', conversationId) });
      if (refKey !== referenceKey('directline', conversationId)) throw new Error('unexpected reference key');
    }
    console.log(`seeded ${count} web chat subscribers in ${seconds(Date.now() - seedStart)}`);

    const start = Date.now();
    const res = await fetch(`${url}/admin/api/notifications`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: '【基准测试】本周五举办专精特新企业沙龙，欢迎报名。', audience: { channels: ['directline'] } }),
    });
    const accepted = Date.now();
    const body = (await res.json()) as { id: number; recipients: number };
    if (res.status !== 202) throw new Error(`notification refused: ${res.status} ${JSON.stringify(body)}`);

    let status: { state: string; totals: { queued: number; sending: number; sent: number; failed: number; unknown: number; skipped: number } } | undefined;
    for (;;) {
      const s = await fetch(`${url}/admin/api/notifications/${body.id}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      status = (await s.json()) as typeof status;
      if (status!.state === 'done') break;
      if (Date.now() - start > TIMEOUT_MS) throw new Error(`not delivered within ${TIMEOUT_MS / 60000} minutes: ${JSON.stringify(status)}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const done = Date.now();
    await directLine.store.drain();
    const stored = await app.services.db.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM directline_activities WHERE type = 'message' AND activity LIKE '%【基准测试】%'`,
    );

    const elapsed = done - start;
    console.log(`recipients:            ${body.recipients}`);
    console.log(`accepted (202) after:  ${accepted - start} ms`);
    console.log(`all delivered after:   ${seconds(elapsed)}  (${Math.round((status!.totals.sent / elapsed) * 1000)} messages/s)`);
    console.log(`sent / failed:         ${status!.totals.sent} / ${status!.totals.failed}`);
    console.log(`in web chat streams:   ${stored?.n ?? 0}`);
    if (status!.totals.sent !== count) process.exitCode = 1;
  } finally {
    await app.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  }
}

main().catch((err) => {
  console.error('bench:push failed:', err);
  process.exit(1);
});
