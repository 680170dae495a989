import { createLogger } from '../../src/logger';
import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { DeliveryService, DEFAULT_POLICY, type Lane, type LaneOutcome, type NewDelivery } from '../../src/delivery';
import { adapterLane } from '../../src/delivery/adapterLane';
import type { ProactiveService } from '../../src/delivery/proactive';
import { removeDb, tempDbPath } from '../helpers/testApp';

/**
 * The reasons officials read of undelivered messages are stored (`deliveries.last_error`): written
 * here as literals, so a move of the texts (src/delivery/copy.ts) cannot change what rows say.
 */
const logger = createLogger('silent');

function message(n: number, refKey: string, extra: Partial<NewDelivery> = {}): NewDelivery {
  return { kind: 'notification', dedupeKey: `r:${n}:${refKey}`, refKey, activities: [{ type: 'message', text: `消息${n}` }], ...extra };
}

describe('the stored reasons of undelivered messages', () => {
  let db: Database;
  let dbPath: string;
  let now: number;
  const services: DeliveryService[] = [];
  const make = (lane?: Lane) => {
    const delivery = new DeliveryService(db, logger, { clock: () => new Date(now), sleep: async () => undefined });
    if (lane) delivery.registerLane(lane);
    services.push(delivery);
    return delivery;
  };
  const reasons = async () => (await db.all<{ status: string; last_error: string | null }>('SELECT status, last_error FROM deliveries ORDER BY id')).map((r) => [r.status, r.last_error]);

  beforeEach(async () => {
    dbPath = tempDbPath();
    db = await Database.open(dbPath);
    await migrate(db);
    now = Date.parse('2030-06-03T02:00:00.000Z');
  });
  afterEach(async () => {
    for (const s of services.splice(0)) await s.stop();
    await db.close();
    removeDb(dbPath);
  });

  test('expired, a channel that never answers, a refusal waiting for its retry', async () => {
    const lane: Lane = {
      channel: 'fake',
      policy: { ...DEFAULT_POLICY, sendTimeoutMs: 50, maxAttempts: 2, retryBaseMs: 60_000 },
      send: async (m) => (m.refKey === 'fake|hang' ? new Promise<LaneOutcome>(() => undefined) : { status: 'refused', reason: '渠道拒绝', retry: true }),
    };
    const delivery = make(lane);
    await delivery.start();
    await delivery.enqueue(db, [message(1, 'fake|old', { expiresAt: new Date(now - 1).toISOString() }), message(2, 'fake|hang'), message(3, 'fake|no')]);
    await delivery.drain();
    expect(await reasons()).toEqual([
      ['expired', '已过期：发送前已不再适用'],
      ['unknown', '结果未知：渠道 0.05 秒内未答复'],
      ['queued', '渠道拒绝'],
    ]);
    const dueAt = new Date(now + 60_000).toISOString();
    expect((await delivery.outbox.problems()).map((p) => p.reason)).toEqual([`渠道拒绝（将于 ${dueAt} 重试）`, '结果未知：渠道 0.05 秒内未答复']);
  });

  test('after a crash: an external lane says unknown, a harmless one queued again, an atomic one keeps its earlier reason', async () => {
    const delivery = make();
    await delivery.enqueue(db, [message(1, 'atomic|a'), message(2, 'external|b'), message(3, 'harmless|c')]);
    await db.run(`UPDATE deliveries SET status = 'sending', last_error = 'earlier'`);
    const policies: Record<string, Lane['policy']> = {
      atomic: { ...DEFAULT_POLICY, delivery: 'atomic' },
      external: { ...DEFAULT_POLICY },
      harmless: { ...DEFAULT_POLICY, retryUnknown: true },
    };
    expect(await delivery.outbox.recoverInterrupted((c) => policies[c])).toEqual({ requeued: 2, unknown: 1 });
    expect(await reasons()).toEqual([
      ['queued', 'earlier'],
      ['unknown', '发送过程中服务中断，渠道是否已送达未知（为免重复，不自动重发）'],
      ['queued', '发送中断，结果未知；重复无害，已重新排队'],
    ]);
  });

  test('the adapter lane refuses a recipient it has no conversation with, for good', async () => {
    const proactive = { references: { get: async () => undefined } } as unknown as ProactiveService;
    const outcome = await adapterLane(proactive).send({ refKey: 'test|nobody' } as Parameters<Lane['send']>[0]);
    expect(outcome).toEqual({ status: 'refused', reason: '找不到该会话（用户从未在此渠道与机器人对话）', retry: false });
  });
});
