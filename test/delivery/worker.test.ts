import { createLogger } from '../../src/logger';
import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { DeliveryOutbox, DeliveryService, DEFAULT_POLICY, type Lane, type LaneMessage, type LaneOutcome, type NewDelivery } from '../../src/delivery';
import { Scheduler } from '../../src/scheduler';
import { adapterLane } from '../../src/delivery/adapterLane';
import type { ProactiveService } from '../../src/delivery/proactive';
import { removeDb, tempDbPath } from '../helpers/testApp';

const logger = createLogger('silent');

function message(n: number, refKey = `fake|conv-${n}`, extra: Partial<NewDelivery> = {}): NewDelivery {
  return { kind: 'notification', dedupeKey: `t:${n}:${refKey}`, refKey, activities: [{ type: 'message', text: `消息${n}` }], ...extra };
}

/** A lane whose answers the test decides. */
function fakeLane(answer: (m: LaneMessage) => Promise<LaneOutcome> | LaneOutcome, policy: Partial<Lane['policy']> = {}): Lane & { seen: LaneMessage[] } {
  const seen: LaneMessage[] = [];
  return {
    channel: 'fake',
    policy: { ...DEFAULT_POLICY, retryBaseMs: 1000, ...policy },
    seen,
    async send(m) {
      seen.push(m);
      return answer(m);
    },
  };
}

describe('the delivery worker and its lanes', () => {
  let db: Database;
  let dbPath: string;
  let now: number;
  const services: DeliveryService[] = [];
  const make = (lane: Lane) => {
    const delivery = new DeliveryService(db, logger, { clock: () => new Date(now), sleep: async () => undefined });
    delivery.registerLane(lane);
    services.push(delivery);
    return delivery;
  };
  const states = async () =>
    (await db.all<{ dedupe_key: string; status: string; attempts: number; last_error: string | null }>('SELECT dedupe_key, status, attempts, last_error FROM deliveries ORDER BY id'));

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

  test('accepted → sent once; a key queued twice is ignored; refused is retried with back-off, then failed with its reason', async () => {
    let refusals = 0;
    const lane = fakeLane((m) => (m.refKey.endsWith('2') ? ((refusals++, { status: 'refused', reason: '渠道拒绝', retry: true }) as LaneOutcome) : { status: 'accepted' }), { maxAttempts: 2 });
    const delivery = make(lane);
    await delivery.start();
    expect(await delivery.enqueue(db, [message(1), message(2), message(1)])).toBe(2);
    await delivery.drain();
    expect((await states()).map((s) => s.status)).toEqual(['sent', 'queued']);
    now += 1000;
    await delivery.drain();
    expect(await states()).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 1 }),
      expect.objectContaining({ status: 'failed', attempts: 2, last_error: '渠道拒绝' }),
    ]);
    expect(refusals).toBe(2);
    // An official retries the failed one: queued again, sent.
    lane.send = async () => ({ status: 'accepted' });
    expect(await delivery.outbox.retry({})).toBe(1);
    await delivery.drain();
    expect((await states()).map((s) => s.status)).toEqual(['sent', 'sent']);
  });

  test('an external send whose answer never comes is unknown and not sent again; where a duplicate is harmless it is retried', async () => {
    const hang = fakeLane(() => new Promise<LaneOutcome>(() => undefined), { sendTimeoutMs: 50 });
    const delivery = make(hang);
    await delivery.start();
    await delivery.enqueue(db, message(1));
    await delivery.drain();
    expect(await states()).toEqual([expect.objectContaining({ status: 'unknown', last_error: expect.stringContaining('结果未知') })]);
    await delivery.drain();
    expect(hang.seen).toHaveLength(1);

    // A late answer is still the truth: accepted after the timeout → sent.
    let answer!: (o: LaneOutcome) => void;
    const late = fakeLane(() => new Promise<LaneOutcome>((resolve) => (answer = resolve)), { sendTimeoutMs: 50 });
    const lateService = make(late);
    await lateService.start();
    await lateService.enqueue(db, message(5));
    await lateService.drain();
    expect((await states()).find((s) => s.dedupe_key.startsWith('t:5:'))?.status).toBe('unknown');
    answer({ status: 'accepted' });
    await new Promise((r) => setTimeout(r, 50));
    expect((await states()).find((s) => s.dedupe_key.startsWith('t:5:'))?.status).toBe('sent');

    const harmless = fakeLane(() => ({ status: 'unknown', reason: 'timeout' }), { retryUnknown: true, maxAttempts: 2, retryBaseMs: 10 });
    const second = make(harmless);
    await second.start();
    await second.enqueue(db, message(2));
    await second.drain();
    now += 20;
    await second.drain();
    expect(harmless.seen).toHaveLength(2);
  });

  test('after a crash: sending rows of an atomic lane are queued again, of an external lane unknown (or queued where harmless)', async () => {
    const delivery = make(fakeLane(() => ({ status: 'accepted' })));
    await delivery.enqueue(db, [message(1, 'atomic|a'), message(2, 'external|b'), message(3, 'harmless|c')]);
    await db.run(`UPDATE deliveries SET status = 'sending'`);
    const policies: Record<string, Lane['policy']> = {
      atomic: { ...DEFAULT_POLICY, delivery: 'atomic' },
      external: { ...DEFAULT_POLICY },
      harmless: { ...DEFAULT_POLICY, retryUnknown: true },
    };
    expect(await delivery.outbox.recoverInterrupted((c) => policies[c])).toEqual({ requeued: 2, unknown: 1 });
    expect((await states()).map((s) => s.status)).toEqual(['queued', 'unknown', 'queued']);
  });

  test('a claim whose lease ended is settled by another instance; the old claim can then settle nothing (attempts fence it)', async () => {
    const delivery = make(fakeLane(() => ({ status: 'accepted' })));
    await delivery.enqueue(db, [message(1, 'atomic|a'), message(2, 'external|b'), message(3, 'atomic|c')]);
    const policies: Record<string, Lane['policy']> = { atomic: { ...DEFAULT_POLICY, delivery: 'atomic' }, external: { ...DEFAULT_POLICY } };
    const dead = new DeliveryOutbox(db, () => new Date(now), 'dead');
    const [atomicClaim] = await dead.claim('atomic', 1, 60_000);
    const [externalClaim] = await dead.claim('external', 1, 60_000);
    const live = new DeliveryOutbox(db, () => new Date(now + 30_000), 'live');
    const [liveClaim] = await live.claim('atomic', 1, 60_000);
    expect([atomicClaim.refKey, externalClaim.refKey, liveClaim.refKey]).toEqual(['atomic|a', 'external|b', 'atomic|c']);
    // Before the lease ends nothing is taken from the dead instance; the live instance's claim is never touched.
    const scope = (at: number) => ({ leaseEndedBefore: new Date(at).toISOString() });
    expect(await live.recoverInterrupted((c) => policies[c], scope(now + 59_000))).toEqual({ requeued: 0, unknown: 0 });
    expect(await live.recoverInterrupted((c) => policies[c], scope(now + 61_000))).toEqual({ requeued: 1, unknown: 1 });
    expect((await states()).map((s) => s.status)).toEqual(['queued', 'unknown', 'sending']);
    const [again] = await live.claim('atomic', 1, 60_000);
    expect(again).toMatchObject({ id: atomicClaim.id, attempts: 2 });
    // The dead instance comes back: its settlements and its release change nothing.
    expect(await dead.markSent(db, atomicClaim)).toBe(false);
    await dead.markFailed(atomicClaim, '旧认领');
    await dead.release([atomicClaim]);
    await dead.markSent(db, externalClaim);
    expect(await db.all(`SELECT status, attempts, claimed_by FROM deliveries ORDER BY id`)).toEqual([
      { status: 'sending', attempts: 2, claimed_by: 'live' },
      { status: 'unknown', attempts: 1, claimed_by: 'dead' },
      { status: 'sending', attempts: 1, claimed_by: 'live' },
    ]);
    expect(await live.markSent(db, again)).toBe(true);
    await live.release([liveClaim]);
    expect(await db.all(`SELECT status, claimed_by FROM deliveries ORDER BY id`)).toEqual([
      { status: 'sent', claimed_by: 'live' },
      { status: 'unknown', claimed_by: 'dead' },
      { status: 'queued', claimed_by: null },
    ]);
    // At its start an instance takes back its own claims (a stable INSTANCE_ID), even within their lease.
    const [own] = await live.claim('atomic', 1, 60_000);
    expect(await live.recoverInterrupted((c) => policies[c], { leaseEndedBefore: new Date(now).toISOString(), orClaimedBy: 'live' })).toEqual({ requeued: 1, unknown: 0 });
    expect(await live.markSent(db, own)).toBe(false);
  });

  test('an atomic lane that does not commit leaves nothing marked sent; a commit after the row moved on is refused (rolls the write back)', async () => {
    const lane = fakeLane(async (m) => {
      await db.transaction(async (tx) => m.commit(tx));
      return { status: 'accepted' };
    }, { delivery: 'atomic' });
    const delivery = make(lane);
    await delivery.start();
    await delivery.enqueue(db, message(1));
    await delivery.drain();
    expect((await states())[0].status).toBe('sent');
    await expect(db.transaction(async (tx) => lane.seen[0].commit(tx))).rejects.toThrow('no longer being sent');
  });

  test('expired before its turn; skipped when the consent is withdrawn; ordered lanes keep a conversation in order', async () => {
    const lane = fakeLane(() => ({ status: 'accepted' }), { ordered: true, batchSize: 10 });
    const delivery = make(lane);
    await delivery.start();
    await delivery.enqueue(db, [
      message(1, 'fake|x', { expiresAt: new Date(now - 1).toISOString() }),
      message(2, 'fake|y', { consentId: 7 }),
      message(3, 'fake|z', { dueAt: new Date(now + 5000).toISOString() }),
      message(4, 'fake|z'),
    ]);
    expect(await delivery.outbox.skipForConsent(db, 7, '用户已退订')).toBe(1);
    await delivery.drain();
    expect((await states()).map((s) => s.status)).toEqual(['expired', 'skipped', 'queued', 'queued']);
    now += 5000;
    await delivery.drain();
    expect(lane.seen.map((m) => m.activities[0].text)).toEqual(['消息3', '消息4']);
  });

  test('a lane that is not ready keeps its messages queued; the daily cap holds the rest until the next local day', async () => {
    let ready = false;
    const lane = { ...fakeLane(() => ({ status: 'accepted' }), { dailyCap: 2, batchSize: 1, concurrency: 1 }), ready: () => ready };
    const delivery = make(lane);
    await delivery.start();
    await delivery.enqueue(db, [1, 2, 3].map((n) => message(n)));
    await delivery.drain();
    expect((await states()).every((s) => s.status === 'queued')).toBe(true);
    ready = true;
    await delivery.drain();
    expect((await states()).map((s) => s.status)).toEqual(['sent', 'sent', 'queued']);
    const [state] = await delivery.laneStates();
    expect(state).toMatchObject({ channel: 'fake', queued: 1, sentToday: 2, dailyCap: 2, ready: true });
    now += 24 * 3_600_000;
    await delivery.drain();
    expect((await states()).map((s) => s.status)).toEqual(['sent', 'sent', 'sent']);
  });

  // The reasons officials read of undelivered messages are stored (deliveries.last_error): written here
  // as literals, so a move of the texts (src/delivery/copy.ts) cannot change what rows say.
  const reasons = async () => (await db.all<{ status: string; last_error: string | null }>('SELECT status, last_error FROM deliveries ORDER BY id')).map((r) => [r.status, r.last_error]);

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
    const delivery = make(fakeLane(() => ({ status: 'accepted' })));
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

describe('the one scheduler', () => {
  test('runs each task at start and then every interval, never twice at once; stop waits for a running task', async () => {
    const scheduler = new Scheduler(logger);
    let runs = 0;
    let release!: () => void;
    scheduler.every('slow', 1, () => {
      runs++;
      return new Promise<void>((resolve) => (release = resolve));
    });
    scheduler.start();
    expect(runs).toBe(1);
    const again = scheduler.runNow('slow'); // overlaps: joins the running one
    expect(runs).toBe(1);
    release();
    await again;
    const failing = jest.fn(async () => {
      throw new Error('boom');
    });
    scheduler.every('failing', 3600, failing);
    await scheduler.runNow('failing'); // joins the run at start; errors are logged, not thrown
    await scheduler.runNow('failing');
    expect(failing).toHaveBeenCalledTimes(2);
    await scheduler.stop();
    expect(scheduler.names()).toEqual(['slow', 'failing']);
  });
});
