/**
 * Several instances on one PostgreSQL database, in one test process (`npm run test:pg`): two apps
 * drain one web-chat push together, each message delivered exactly once; a periodic job runs on
 * one of them per period; the WeChat login is held by one instance and taken over when it goes.
 */
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createLogger } from '../../../src/logger';
import { loadConfig } from '../../../src/config';
import { directLineFeature } from '../../../src/features/directline';
import { DeliveryService } from '../../../src/delivery';
import { Scheduler } from '../../../src/scheduler';
import { ScheduledRuns } from '../../../src/storage/scheduledRuns';
import { openDatabase, type Database } from '../../../src/storage/database';
import { WechatChannel } from '../../../src/channels/wechat/channel';
import type { BotRuntime } from '../../../src/contracts/feature';
import { startTestApp } from '../../helpers/testApp';
import { deliveriesBy, messagesPerConversation, queueWebChatPush, sharedDatabase, until } from '../../helpers/multiInstance';
import { MockWechat } from '../../wechat/mockWechat';

const logger = createLogger('silent');
const RECIPIENTS = 2000;

const closing: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

async function handle(url: string): Promise<Database> {
  const db = await openDatabase({ DB_PATH: 'unused.db', DATABASE_URL: url, DATABASE_POOL_SIZE: 4 });
  closing.push(() => db.close());
  return db;
}

test(`a web-chat push to ${RECIPIENTS.toLocaleString('en')} subscribers is drained by both instances, each message delivered exactly once`, async () => {
  const { url, db } = await sharedDatabase();
  closing.push(() => db.close());
  const start = (instance: string) =>
    startTestApp({
      features: [directLineFeature],
      env: { DATABASE_URL: url, INSTANCE_ID: instance, DATABASE_POOL_SIZE: '8' },
      // Smaller batches than the lane's 200, so the two workers take turns many times.
      delivery: { policyOverrides: { batchSize: 50 } },
    });
  const instances = await Promise.all([start('a'), start('b')]);
  for (const { app } of instances) closing.push(() => app.close());
  const marker = `【多实例${randomUUID().slice(0, 6)}】`;
  const conversations = await queueWebChatPush(db, 'multi', RECIPIENTS, marker);

  await Promise.all(instances.map(({ app }) => app.services.delivery.drain()));

  const stored = await messagesPerConversation(db, marker);
  expect(stored.size).toBe(RECIPIENTS);
  expect(conversations.filter((id) => stored.get(id) !== 1)).toEqual([]);
  const by = await deliveriesBy(db);
  expect(by.every((row) => row.status === 'sent')).toBe(true);
  const sentBy = Object.fromEntries(by.map((row) => [row.claimed_by, row.n]));
  expect(Object.keys(sentBy).sort()).toEqual(['a', 'b']);
  expect(sentBy.a + sentBy.b).toBe(RECIPIENTS);
  expect(sentBy.a).toBeGreaterThan(0);
  expect(sentBy.b).toBeGreaterThan(0);
  // Every claim was one attempt: no message was claimed twice.
  expect(await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM deliveries WHERE attempts <> 1`)).toEqual({ n: 0 });
  // The console of either instance counts the same.
  const counts = await instances[1].app.services.delivery.outbox.countsByChannel();
  expect(counts.directline).toMatchObject({ sent: RECIPIENTS, sending: 0, queued: 0, unknown: 0, failed: 0 });
});

test('a periodic job runs on exactly one of two instances per period; the delivery check runs on both', async () => {
  const { url, db } = await sharedDatabase();
  closing.push(() => db.close());
  const second = await handle(url);
  let now = Date.parse('2030-06-03T02:00:00.000Z');
  const ran: string[] = [];
  const checks: string[] = [];
  const schedulers = ([
    ['a', db],
    ['b', second],
  ] as const).map(([instance, handleOf]) => {
    const runs = new ScheduledRuns(handleOf, instance);
    const scheduler = new Scheduler(logger, { claimPeriod: (name, period) => runs.claim(name, period), now: () => now });
    scheduler.every('retention', 3600, async () => void ran.push(instance));
    scheduler.every('check', 2, async () => void checks.push(instance), { everyInstance: true });
    return scheduler;
  });
  for (let period = 0; period < 6; period++) {
    ran.length = 0;
    // Both timers fire in the same period (twice each): one run in all.
    const fired = await Promise.all([...schedulers, ...schedulers].map((s) => s.runScheduled('retention')));
    expect(fired.filter(Boolean)).toHaveLength(1);
    expect(ran).toHaveLength(1);
    now += 3_600_000;
  }
  // The last runs are recorded with the instance that ran them.
  expect(await db.all(`SELECT name, instance FROM scheduled_runs`)).toEqual([{ name: 'retention', instance: ran[0] }]);
  await Promise.all(schedulers.map((s) => s.runScheduled('check')));
  expect(checks.sort()).toEqual(['a', 'b']);
});

test('the app on PostgreSQL claims each periodic job\'s period: a second instance skips the jobs the first ran this period', async () => {
  const { url, db } = await sharedDatabase();
  closing.push(() => db.close());
  const start = (instance: string) => startTestApp({ features: [], env: { DATABASE_URL: url, INSTANCE_ID: instance } });
  const first = await start('a');
  closing.push(() => first.app.close());
  const jobs = ['privacy.retention', 'state.purge'];
  // Each job ran at start (once), recorded under the first instance.
  const runs = await until(async () => {
    const rows = await db.all<{ name: string; instance: string }>(`SELECT name, instance FROM scheduled_runs ORDER BY name`);
    return rows.length === jobs.length && rows;
  }, 'the first runs');
  expect(runs).toEqual(jobs.map((name) => ({ name, instance: 'a' })));
  const second = await start('b');
  closing.push(() => second.app.close());
  for (const name of jobs) expect(await second.app.services.scheduler.runScheduled(name)).toBe(false);
  expect(await first.app.services.scheduler.runScheduled('delivery.check')).toBe(true);
  expect(await second.app.services.scheduler.runScheduled('delivery.check')).toBe(true);
});

describe('the WeChat login across instances', () => {
  /** A WeChat channel on its own database handle; it retries the login lock every `retryMs` (tests drive the long ones by hand). */
  async function channel(url: string, instance: string, memoryCard: string, retryMs = 3_600_000) {
    const db = await handle(url);
    const config = loadConfig({ DB_PATH: 'unused.db', DATABASE_URL: url, LOG_LEVEL: 'silent', WECHATY_PUPPET: 'wechaty-puppet-mock', WECHATY_NAME: memoryCard, INSTANCE_ID: instance });
    const delivery = new DeliveryService(db, logger, { instanceId: instance });
    const world = new MockWechat();
    const wechat = new WechatChannel({ config, db, logger, delivery, wechaty: world.wechaty, printQr: () => undefined, loginLockRetryMs: retryMs });
    await wechat.start({} as BotRuntime);
    closing.push(() => wechat.stop());
    return { wechat, world, db };
  }

  test('one instance runs the puppet; another takes over when it stops, and when its database connection dies', async () => {
    const { url } = await sharedDatabase().then(async (shared) => (await shared.db.close(), shared));
    const card = path.join(os.tmpdir(), `huibot-wechat-${randomUUID()}`);
    const a = await channel(url, 'a', card);
    const b = await channel(url, 'b', card, 20);
    expect(a.wechat.holdsLogin()).toBe(true);
    expect(a.wechat.getStatus().state).not.toBe('stopped');
    expect(b.wechat.holdsLogin()).toBe(false);
    expect(b.wechat.getStatus()).toMatchObject({ state: 'stopped', lastError: expect.stringContaining('微信登录由另一实例持有') });
    // Trying again while the holder runs changes nothing.
    await b.wechat.checkLoginLock();
    expect(b.wechat.holdsLogin()).toBe(false);

    // The holder stops gracefully: the other's periodic try takes over, and it logs in.
    await a.wechat.stop();
    await until(async () => b.wechat.holdsLogin(), 'the take-over after a stop', 10_000);
    await b.world.login();
    expect(b.wechat.getStatus()).toMatchObject({ state: 'logged_in' });

    // Two more instances stand by; the holder stops; the first to try takes over.
    const c = await channel(url, 'c', card);
    const d = await channel(url, 'd', card);
    await b.wechat.stop();
    await c.wechat.checkLoginLock();
    await d.wechat.checkLoginLock();
    expect([c.wechat.holdsLogin(), d.wechat.holdsLogin()]).toEqual([true, false]);

    // The holder's database connection dies (as when its process is killed): the lock is free for
    // another instance, and the old holder, on its next try, stops its puppet and stands by.
    const killed = await d.db.get<{ n: number }>(
      `SELECT COUNT(pg_terminate_backend(l.pid)) AS n FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted
          AND l.objid::text::bigint = (hashtext(?)::bigint & 4294967295)`,
      [`wechat:login:${card}`],
    );
    expect(killed).toEqual({ n: 1 });
    await until(async () => !c.wechat.holdsLogin(), 'the holder to notice its lost connection', 10_000);
    await d.wechat.checkLoginLock();
    expect(d.wechat.holdsLogin()).toBe(true);
    await c.wechat.checkLoginLock();
    expect(c.wechat.holdsLogin()).toBe(false);
    expect(c.wechat.getStatus()).toMatchObject({ state: 'stopped', lastError: expect.stringContaining('微信登录由另一实例持有') });
  });
});

