import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { killHard, startServer, type RunningServer as ServerProcess } from '../helpers/serverProcess';

/**
 * kill -9 of the real server process at a random moment during a web-chat push to 3,000
 * subscribers and during 300 waitlist promotions; after a restart every recipient has the message
 * exactly once and the console's counts equal the messages in the conversations.
 * `npm test` runs CRASH_RUNS (default 1) of each; `npm run crash:delivery` runs 10 of each.
 */
const RUNS = Math.max(1, Number(process.env.CRASH_RUNS ?? 1) || 1);
const PUSH_RECIPIENTS = 3000;
const PROMOTIONS = 300;
const TOKEN = 'crash-editor-token-0123456789abcdef';
const ENV = { ADMIN_TOKENS: `crash:editor:${TOKEN}`, DIRECTLINE_RATE_LIMIT_PER_MINUTE: '100000' };

function tempDb(): string {
  return path.join(os.tmpdir(), `huibot-crash-${randomUUID()}.db`);
}

function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

async function call<T = any>(url: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** Web chat conversations with a stored user; `subscribe` also gives each a notification consent. */
async function seedConversations(db: Database, prefix: string, count: number, subscribe: boolean): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  const now = new Date().toISOString();
  await db.transaction(async (tx) => {
    for (let i = 0; i < ids.length; i += 200) {
      const chunk = ids.slice(i, i + 200);
      await tx.run(
        `INSERT INTO directline_conversations (conversation_id, user_id, locale) VALUES ${chunk.map(() => `(?, ?, 'zh-CN')`).join(', ')}`,
        chunk.flatMap((id) => [id, `dl_${id}`]),
      );
      if (subscribe) {
        await tx.run(
          `INSERT INTO consents (kind, notice_id, notice_version, channel_id, user_id, conversation_id, ref_key, subject, granted_at)
           VALUES ${chunk.map(() => `('notifications', 'activity-notifications', '1', 'directline', ?, ?, ?, 'activity_types:all', ?)`).join(', ')}`,
          chunk.flatMap((id) => [`dl_${id}`, id, `directline|${id}`, now]),
        );
      }
    }
  });
  return ids;
}

/** How many stored bot messages containing `marker` each conversation has. */
async function messagesPerConversation(dbPath: string, marker: string): Promise<Map<string, number>> {
  const db = await Database.open(dbPath);
  try {
    const rows = await db.all<{ conversation_id: string; n: number }>(
      `SELECT conversation_id, COUNT(*) AS n FROM directline_activities WHERE type = 'message' AND instr(activity, ?) > 0 GROUP BY conversation_id`,
      [marker],
    );
    return new Map(rows.map((r) => [r.conversation_id, r.n]));
  } finally {
    await db.close();
  }
}

async function until<T>(check: () => Promise<T | false | undefined>, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const randomDelay = (maxMs: number) => Math.floor(Math.random() * maxMs);

describe(`delivery survives kill -9 (${RUNS} run(s) each)`, () => {
  jest.setTimeout(RUNS * 240_000);
  const servers: ServerProcess[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await killHard(s.child);
  });

  test(`web-chat push to ${PUSH_RECIPIENTS.toLocaleString('en')} subscribers: each gets it exactly once; console counts = messages stored`, async () => {
    for (let run = 0; run < RUNS; run++) {
      const dbPath = tempDb();
      try {
        const seed = await Database.open(dbPath);
        await migrate(seed);
        const conversations = await seedConversations(seed, `push${run}`, PUSH_RECIPIENTS, true);
        await seed.close();

        const first = await startServer(ENV, dbPath);
        servers.push(first);
        const marker = `【崩溃测试${run}-${randomUUID().slice(0, 6)}】`;
        const sent = await call<{ id: number; recipients: number }>(`${first.url}/admin/api/notifications`, 'POST', {
          text: `${marker}本周五举办专精特新企业沙龙。`,
          audience: { channels: ['directline'] },
        });
        expect(sent.status).toBe(202);
        expect(sent.body.recipients).toBe(PUSH_RECIPIENTS);
        const delay = randomDelay(1000);
        await new Promise((r) => setTimeout(r, delay));
        await killHard(first.child);
        const before = [...(await messagesPerConversation(dbPath, marker)).values()].reduce((a, b) => a + b, 0);

        const second = await startServer(ENV, dbPath);
        servers.push(second);
        const status = await until(async () => {
          const s = await call(`${second.url}/admin/api/notifications/${sent.body.id}`);
          return s.body.state === 'done' && s.body;
        }, 'the push to finish');
        await killHard(second.child);

        const stored = await messagesPerConversation(dbPath, marker);
        const counts = conversations.map((c) => stored.get(c) ?? 0);
        console.log(`push run ${run + 1}: killed after ${delay} ms with ${before} delivered; after restart ${counts.filter((n) => n === 1).length} conversations have it once`);
        expect(counts.filter((n) => n !== 1)).toEqual([]);
        expect(status.totals).toMatchObject({ sent: PUSH_RECIPIENTS, queued: 0, sending: 0, failed: 0, unknown: 0 });
        expect(status.byChannel.directline.sent).toBe([...stored.values()].reduce((a, b) => a + b, 0));
      } finally {
        removeDb(dbPath);
      }
    }
  });

  test(`${PROMOTIONS} waitlist promotions (officials cancel ${PROMOTIONS} registrations): each company told exactly once`, async () => {
    for (let run = 0; run < RUNS; run++) {
      const dbPath = tempDb();
      try {
        const seed = await Database.open(dbPath);
        await migrate(seed);
        const held = await seedConversations(seed, `held${run}`, PROMOTIONS, false);
        const waiting = await seedConversations(seed, `wait${run}`, PROMOTIONS, false);
        const now = Date.now();
        const iso = (ms: number) => new Date(ms).toISOString();
        const { lastID: activityId } = await seed.run(
          `INSERT INTO activities (type, title, description, starts_at, ends_at, place, capacity, signup_deadline, seats_per_enterprise, status, created_at, updated_at, published_at)
           VALUES ('salon', '崩溃测试沙龙', '', ?, ?, '园区企业服务中心', ?, ?, 1, 'published', ?, ?, ?)`,
          [iso(now + 7 * 86_400_000), iso(now + 7 * 86_400_000 + 7_200_000), PROMOTIONS, iso(now + 6 * 86_400_000), iso(now), iso(now), iso(now)],
        );
        const heldIds: number[] = [];
        await seed.transaction(async (tx) => {
          for (let i = 0; i < PROMOTIONS * 2; i++) {
            const confirmed = i < PROMOTIONS;
            const conv = confirmed ? held[i] : waiting[i - PROMOTIONS];
            const { lastID } = await tx.run(
              `INSERT INTO registrations (activity_id, credit_code, enterprise_name, contact_name, mobile, attendees, status, waitlist_seq,
                      channel_id, user_id, ref_key, created_at, updated_at, registered_at, confirmed_at)
               VALUES (?, ?, ?, '联系人', '13800000000', 1, ?, ?, 'directline', ?, ?, ?, ?, ?, ?)`,
              [activityId, `CODE${run}${String(i).padStart(14, '0')}`, `企业${i}`, confirmed ? 'confirmed' : 'waitlisted', confirmed ? null : i, `dl_${conv}`, `directline|${conv}`, iso(now), iso(now), iso(now), confirmed ? iso(now) : null],
            );
            if (confirmed) heldIds.push(lastID);
          }
        });
        await seed.close();

        // Officials cancel the confirmed registrations (four at a time); each frees a seat for the next in line.
        const cancelAll = async (url: string, ids: number[], stop: { killed: boolean }) => {
          let next = 0;
          const worker = async () => {
            while (next < ids.length && !stop.killed) {
              const id = ids[next++];
              await call(`${url}/admin/api/registrations/${id}/cancel`, 'POST', { reason: '崩溃测试' }).catch(() => undefined);
            }
          };
          await Promise.all(Array.from({ length: 4 }, worker));
        };
        const first = await startServer(ENV, dbPath);
        servers.push(first);
        const stop = { killed: false };
        const cancelling = cancelAll(first.url, heldIds, stop);
        const delay = randomDelay(1000);
        await new Promise((r) => setTimeout(r, delay));
        stop.killed = true;
        await killHard(first.child);
        await cancelling;
        const before = (await messagesPerConversation(dbPath, '有名额了')).size;

        // After the restart the officials finish the job: what is still confirmed is cancelled.
        const second = await startServer(ENV, dbPath);
        servers.push(second);
        const check = await Database.open(dbPath);
        const left = (await check.all<{ id: number }>(`SELECT id FROM registrations WHERE status = 'confirmed' AND id <= ?`, [heldIds[heldIds.length - 1]])).map((r) => r.id);
        await check.close();
        await cancelAll(second.url, left, { killed: false });
        await until(async () => {
          const lanes = await call<{ lanes: Array<{ channel: string; queued: number; sending: number }> }>(`${second.url}/admin/api/delivery/lanes`);
          const lane = lanes.body.lanes.find((l) => l.channel === 'directline');
          return lane && lane.queued === 0 && lane.sending === 0;
        }, 'the promotions to be delivered');
        await killHard(second.child);

        const promoted = await messagesPerConversation(dbPath, '有名额了');
        const told = await messagesPerConversation(dbPath, '已由工作人员取消');
        const db = await Database.open(dbPath);
        const states = await db.all<{ kind: string; status: string; n: number }>(`SELECT kind, status, COUNT(*) AS n FROM deliveries GROUP BY kind, status ORDER BY kind`);
        const confirmed = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM registrations WHERE status = 'confirmed'`);
        await db.close();
        console.log(`promotion run ${run + 1}: killed after ${delay} ms with ${before} promoted; ${left.length} cancellations after restart; ${JSON.stringify(states)}`);
        expect(confirmed?.n).toBe(PROMOTIONS);
        expect(waiting.map((c) => promoted.get(c) ?? 0).filter((n) => n !== 1)).toEqual([]);
        expect(held.map((c) => told.get(c) ?? 0).filter((n) => n !== 1)).toEqual([]);
        expect(promoted.size).toBe(PROMOTIONS);
        expect(states).toEqual([
          { kind: 'promotion', status: 'sent', n: PROMOTIONS },
          { kind: 'registration_cancelled', status: 'sent', n: PROMOTIONS },
        ]);
      } finally {
        removeDb(dbPath);
      }
    }
  });
});
