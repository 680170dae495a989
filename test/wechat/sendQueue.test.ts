import { createLogger } from '../../src/logger';
import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { WechatSendQueue, type OutboxItem, type SendQueueOptions } from '../../src/channels/wechat/sendQueue';
import { tempDbPath } from '../helpers/testApp';
import { FakeClock, waitUntil } from './mockWechat';

const logger = createLogger('silent');

describe('WechatSendQueue (persistent, paced, capped)', () => {
  let dbPath: string;
  let db: Database;
  let clock: FakeClock;
  let delivered: OutboxItem[];
  const queues: WechatSendQueue[] = [];

  function makeQueue(overrides: Partial<SendQueueOptions> = {}): WechatSendQueue {
    const queue = new WechatSendQueue({
      db,
      account: 'huibot-test',
      logger,
      gapMinMs: 1000,
      gapMaxMs: 3000,
      dailyCap: 100,
      retryBaseMs: 10_000,
      maxAttempts: 3,
      clock,
      deliver: async (item) => void delivered.push(item),
      ...overrides,
    });
    queues.push(queue);
    return queue;
  }

  /** Waits until the queue is parked in a sleep of exactly `ms` (a gap or an idle wait). */
  const sleepingFor = (ms: number) => waitUntil(() => clock.sleeps.some((s) => s.ms === ms), `a ${ms} ms sleep`);
  const texts = () => delivered.map((item) => item.text);

  beforeEach(async () => {
    dbPath = tempDbPath();
    db = await Database.open(dbPath);
    await migrate(db);
    clock = new FakeClock();
    delivered = [];
  });

  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
    await db.close();
  });

  test('sends one message at a time with a random gap between the configured bounds', async () => {
    clock.queueRandom(0, 0.999);
    const queue = makeQueue();
    await queue.enqueue('contact:a', [{ text: '一' }, { text: '二' }, { text: '三' }]);
    queue.start();
    queue.resume();

    await waitUntil(() => delivered.length === 1, 'first message');
    await sleepingFor(1000); // random 0 → the minimum gap
    expect(texts()).toEqual(['一']);
    clock.advance(1000);

    await waitUntil(() => delivered.length === 2, 'second message');
    await sleepingFor(2998); // random 0.999 → near the maximum gap
    expect(texts()).toEqual(['一', '二']);
    clock.advance(2998);

    await waitUntil(() => delivered.length === 3, 'third message');
    expect(texts()).toEqual(['一', '二', '三']);
    for (const gap of clock.requested.filter((ms) => ms <= 3000)) {
      expect(gap).toBeGreaterThanOrEqual(1000);
      expect(gap).toBeLessThanOrEqual(3000);
    }
  });

  test('nothing is sent while paused (logged out); resume sends what waited', async () => {
    const queue = makeQueue();
    queue.start();
    await queue.enqueue('contact:a', [{ text: '等登录后发送' }]);
    await sleepingFor(60_000);
    expect(delivered).toHaveLength(0);
    queue.resume();
    await waitUntil(() => delivered.length === 1, 'the message after resume');
  });

  test('a failed send is retried with exponential back-off, then recorded as failed', async () => {
    let failures = 0;
    const queue = makeQueue({
      deliver: async (item) => {
        if (item.text === '总是失败') throw new Error('contact not found');
        if (failures++ === 0) throw new Error('network down');
        delivered.push(item);
      },
    });
    await queue.enqueue('contact:a', [{ text: '重试后成功' }]);
    await queue.enqueue('contact:b', [{ text: '总是失败' }]);
    queue.start();
    queue.resume();

    // 重试后成功 fails once → retried after 10 s; 总是失败 → 10 s, 20 s, then failed (maxAttempts 3).
    await sleepingFor(2000); // gap after the first failure
    clock.advance(2000);
    await sleepingFor(2000);
    clock.advance(2000);
    await sleepingFor(6000); // idle until the first retry is due (10 s after the failure)
    clock.advance(6000);
    await waitUntil(() => delivered.length === 1, 'the retried message');
    expect(texts()).toEqual(['重试后成功']);

    for (let i = 0; i < 6 && (await queue.stats()).failed === 0; i++) {
      await waitUntil(() => clock.sleeps.length > 0, 'the queue to wait');
      clock.advance(Math.max(...clock.sleeps.map((s) => s.ms)));
    }
    const stats = await queue.stats();
    expect(stats).toMatchObject({ pending: 0, failed: 1, sentToday: 1 });
    const [failure] = await queue.failures();
    expect(failure).toMatchObject({ conversationId: 'contact:b', text: '总是失败', attempts: 3, lastError: 'contact not found' });
  });

  test('a retry keeps the order within a conversation but does not hold up others', async () => {
    let first = true;
    const queue = makeQueue({
      deliver: async (item) => {
        if (item.text === 'A1' && first) {
          first = false;
          throw new Error('temporary');
        }
        delivered.push(item);
      },
    });
    await queue.enqueue('contact:a', [{ text: 'A1' }, { text: 'A2' }]);
    await queue.enqueue('contact:b', [{ text: 'B1' }]);
    queue.start();
    queue.resume();
    while (delivered.length < 3) {
      await waitUntil(() => clock.sleeps.length > 0, 'the queue to wait');
      clock.advance(Math.min(...clock.sleeps.map((s) => s.ms)));
    }
    expect(texts()).toEqual(['B1', 'A1', 'A2']);
  });

  test('the daily cap holds the rest until the next day', async () => {
    const queue = makeQueue({ dailyCap: 2, gapMinMs: 0, gapMaxMs: 0 });
    await queue.enqueue('contact:a', [{ text: '1' }, { text: '2' }, { text: '3' }]);
    queue.start();
    queue.resume();
    await waitUntil(() => delivered.length === 2, 'two messages');
    await waitUntil(() => clock.sleeps.some((s) => s.ms === 60_000), 'the capped wait');
    expect(texts()).toEqual(['1', '2']);
    expect(await queue.stats()).toMatchObject({ pending: 1, sentToday: 2, dailyCap: 2 });

    clock.advance(24 * 60 * 60 * 1000);
    await waitUntil(() => delivered.length === 3, 'the third message the next day');
    expect(await queue.stats()).toMatchObject({ pending: 0, sentToday: 1 });
  });

  test('a restart on the same database sends what was pending, nothing twice', async () => {
    const first = makeQueue();
    await first.enqueue('contact:a', [{ text: '一' }, { text: '二' }, { text: '三' }]);
    first.start();
    first.resume();
    await waitUntil(() => delivered.length === 1, 'the first message');
    await sleepingFor(2000);
    await first.stop(); // "crash" during the gap
    await db.close();

    db = await Database.open(dbPath);
    await migrate(db);
    const second = makeQueue({ gapMinMs: 0, gapMaxMs: 0 });
    second.start();
    second.resume();
    await waitUntil(() => delivered.length === 3, 'the two pending messages');
    expect(texts()).toEqual(['一', '二', '三']);
    const rows = await db.all<{ text: string; status: string; attempts: number }>('SELECT text, status, attempts FROM wechat_outbox ORDER BY id');
    expect(rows).toEqual([
      { text: '一', status: 'sent', attempts: 1 },
      { text: '二', status: 'sent', attempts: 1 },
      { text: '三', status: 'sent', attempts: 1 },
    ]);
  });

  test('a message cut off mid-send by a crash is marked failed, not sent twice', async () => {
    const [id] = await makeQueue().enqueue('contact:a', [{ text: '发送中断' }]);
    await db.run(`UPDATE wechat_outbox SET status = 'sending', attempts = 1 WHERE id = ?`, [id]);
    const queue = makeQueue();
    await queue.enqueue('contact:a', [{ text: '之后的消息' }]);
    queue.start();
    queue.resume();
    await waitUntil(() => delivered.length === 1, 'the later message');
    expect(texts()).toEqual(['之后的消息']);
    const [failure] = await queue.failures();
    expect(failure.text).toBe('发送中断');
    expect(failure.lastError).toMatch(/interrupted/);
  });

  test('empty messages are not queued', async () => {
    expect(await makeQueue().enqueue('contact:a', [{ text: '  ' }])).toEqual([]);
  });
});
