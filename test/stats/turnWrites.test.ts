/**
 * The writes every turn makes beside its answer (transcript lines, question counts) are
 * batched: a turn's lines take one INSERT (a prune only every TRANSCRIPT_PRUNE_SLACK lines of a
 * conversation), counts one upsert per timer tick for many turns, and reads see everything
 * recorded before them. Counts statements, never times.
 */
import { Database } from '../../src/storage/database';
import type { Database as DatabaseApi } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { GroupCommit } from '../../src/storage/groupCommit';
import { TranscriptLog, TRANSCRIPT_KEEP, TRANSCRIPT_PRUNE_SLACK, TRANSCRIPT_TRACKED_CONVERSATIONS } from '../../src/handoff/transcript';
import { QuestionStats } from '../../src/stats/stats';
import { TurnRecorder } from '../../src/stats/turnRecorder';
import { TURN_RECOGNITION } from '../../src/nlu/frame';
import type { Recognition } from '../../src/nlu/types';
import { TestAdapter, type TurnContext } from 'botbuilder';
import pino from 'pino';

/** The database with every statement it is asked to run written down. */
function counted(db: DatabaseApi): { db: DatabaseApi; statements: string[] } {
  const statements: string[] = [];
  const db2 = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop === 'run' || prop === 'get' || prop === 'all') {
        return (sql: string, params?: unknown[]) => {
          statements.push(sql.trim().split(/\s+/).slice(0, 3).join(' '));
          return value.call(target, sql, params);
        };
      }
      return value.bind(target);
    },
  });
  return { db: db2, statements };
}

let raw: DatabaseApi;
beforeEach(async () => {
  raw = await Database.open(':memory:');
  await migrate(raw);
});
afterEach(async () => {
  await raw.close();
});

describe('GroupCommit', () => {
  test('items added in one pass go out in one write, in order; later ones in the next', async () => {
    const writes: number[][] = [];
    const commit = new GroupCommit<number>(async (items) => void writes.push(items));
    await Promise.all([commit.add(1), commit.add(2), commit.add(3)]);
    await commit.add(4);
    expect(writes).toEqual([[1, 2, 3], [4]]);
  });

  test('items added while a write is in flight wait and go out together', async () => {
    const writes: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const commit = new GroupCommit<number>(async (items) => {
      writes.push(items);
      if (items[0] === 1) await gate;
    });
    const first = commit.add(1);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [commit.add(2), commit.add(3), commit.add(4)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual([[1]]);
    release();
    await Promise.all([first, ...rest]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });

  test('a failing item fails alone; its neighbours are stored', async () => {
    const stored: number[] = [];
    const commit = new GroupCommit<number>(async (items) => {
      if (items.includes(2)) throw new Error('bad item');
      stored.push(...items);
    });
    const results = await Promise.allSettled([commit.add(1), commit.add(2), commit.add(3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(stored).toEqual([1, 3]);
    await commit.settled();
  });

  test('settled() waits for what was added before it', async () => {
    const stored: number[] = [];
    const commit = new GroupCommit<number>(async (items) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      stored.push(...items);
    });
    void commit.add(1);
    void commit.add(2);
    await commit.settled();
    expect(stored).toEqual([1, 2]);
  });
});

describe('TranscriptLog', () => {
  test('a turn’s lines take one INSERT (the first write also looks for what an earlier process left over-long), and recent() sees them at once', async () => {
    const { db, statements } = counted(raw);
    const log = new TranscriptLog(db);
    void log.record('directline|c1', 'user', '深度诊断收费吗');
    void log.record('directline|c1', 'bot', '深度诊断免费。');
    void log.record('directline|c1', 'bot', '还想了解什么？');
    const lines = await log.recent('directline|c1');
    expect(lines.map((l) => `${l.role}:${l.text}`)).toEqual(['user:深度诊断收费吗', 'bot:深度诊断免费。', 'bot:还想了解什么？']);
    expect(statements).toEqual(['INSERT INTO transcript_messages', 'SELECT ref_key FROM', 'SELECT role, text,']);
    statements.length = 0;
    await Promise.all([log.record('directline|c1', 'user', '还有别的吗'), log.record('directline|c1', 'bot', '有。')]);
    expect(statements).toEqual(['INSERT INTO transcript_messages']);
  });

  test('idle turns prune a conversation once every TRANSCRIPT_PRUNE_SLACK lines, and the table stays bounded', async () => {
    const { db, statements } = counted(raw);
    const log = new TranscriptLog(db);
    const rows = async (refKey: string) => (await raw.get<{ n: number }>('SELECT COUNT(*) AS n FROM transcript_messages WHERE ref_key = ?', [refKey]))!.n;
    let most = 0;
    for (let turn = 1; turn <= 60; turn++) {
      await Promise.all([log.record('directline|long', 'user', `q${turn}`), log.record('directline|long', 'bot', `a${turn}`)]);
      most = Math.max(most, await rows('directline|long'));
    }
    const prunes = statements.filter((s) => s.startsWith('DELETE')).length;
    expect(prunes).toBe(Math.floor(120 / TRANSCRIPT_PRUNE_SLACK));
    expect(most).toBeLessThanOrEqual(TRANSCRIPT_KEEP + TRANSCRIPT_PRUNE_SLACK);
    const lines = await log.recent('directline|long');
    expect(lines).toHaveLength(TRANSCRIPT_KEEP);
    expect(lines[0].text).toBe(`q${60 - TRANSCRIPT_KEEP / 2 + 1}`);
    expect(lines[TRANSCRIPT_KEEP - 1].text).toBe('a60');
  });

  test('after a restart the first write prunes what the last process left over-long', async () => {
    const before = new TranscriptLog(raw);
    for (let i = 1; i <= TRANSCRIPT_KEEP + TRANSCRIPT_PRUNE_SLACK - 1; i++) await before.record('emulator|old', 'user', `old${i}`);
    expect((await raw.get<{ n: number }>('SELECT COUNT(*) AS n FROM transcript_messages'))!.n).toBeGreaterThan(TRANSCRIPT_KEEP);
    const after = new TranscriptLog(raw);
    await after.record('emulator|other', 'user', 'hello');
    expect(await raw.all('SELECT ref_key, COUNT(*) AS n FROM transcript_messages GROUP BY ref_key ORDER BY ref_key')).toEqual([
      { ref_key: 'emulator|old', n: TRANSCRIPT_KEEP },
      { ref_key: 'emulator|other', n: 1 },
    ]);
  });

  test('a conversation forgotten by the bounded count is pruned at the next write', async () => {
    const log = new TranscriptLog(raw);
    const rows = async () => (await raw.get<{ n: number }>("SELECT COUNT(*) AS n FROM transcript_messages WHERE ref_key = 'emulator|old'"))!.n;
    for (let i = 1; i < TRANSCRIPT_KEEP + TRANSCRIPT_PRUNE_SLACK; i++) await log.record('emulator|old', 'user', `old${i}`);
    expect(await rows()).toBe(TRANSCRIPT_KEEP + TRANSCRIPT_PRUNE_SLACK - 1);
    await Promise.all(Array.from({ length: TRANSCRIPT_TRACKED_CONVERSATIONS }, (_, i) => log.record(`emulator|n${i}`, 'user', 'hi')));
    await log.record('emulator|n0', 'bot', 'hello');
    expect(await rows()).toBe(TRANSCRIPT_KEEP);
  });

  test('a failed prune fails no line and is retried with the next write', async () => {
    let failDeletes = true;
    const db = new Proxy(raw, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop !== 'run') return typeof value === 'function' ? value.bind(target) : value;
        return (sql: string, params?: unknown[]) => {
          if (failDeletes && sql.trim().startsWith('DELETE')) return Promise.reject(new Error('database is locked'));
          return value.call(target, sql, params);
        };
      },
    });
    const log = new TranscriptLog(db);
    for (let i = 1; i <= TRANSCRIPT_KEEP + TRANSCRIPT_PRUNE_SLACK; i++) await log.record('emulator|x', 'user', `x${i}`);
    expect((await raw.get<{ n: number }>('SELECT COUNT(*) AS n FROM transcript_messages'))!.n).toBe(TRANSCRIPT_KEEP + TRANSCRIPT_PRUNE_SLACK);
    failDeletes = false;
    await log.record('emulator|x', 'user', 'last');
    expect((await raw.get<{ n: number }>('SELECT COUNT(*) AS n FROM transcript_messages'))!.n).toBe(TRANSCRIPT_KEEP);
  });

  test(`each conversation keeps its last ${TRANSCRIPT_KEEP} lines when many are written together`, async () => {
    const log = new TranscriptLog(raw);
    const writes: Array<Promise<void>> = [];
    for (let i = 1; i <= 30; i++) {
      writes.push(log.record('emulator|a', 'user', `a${i}`));
      writes.push(log.record('emulator|b', i % 2 ? 'user' : 'bot', `b${i}`));
    }
    await Promise.all(writes);
    const a = await log.recent('emulator|a', 100);
    const b = await log.recent('emulator|b', 100);
    expect(a.map((l) => l.text)).toEqual(Array.from({ length: TRANSCRIPT_KEEP }, (_, k) => `a${k + 11}`));
    expect(b).toHaveLength(TRANSCRIPT_KEEP);
    expect(b[TRANSCRIPT_KEEP - 1].text).toBe('b30');
    const other = await log.recent('emulator|none');
    expect(other).toEqual([]);
  });
});

describe('QuestionStats', () => {
  const at = () => new Date('2026-12-03T04:00:00Z');

  test('counts wait in memory; a read writes them first in one upsert, and reads are exact', async () => {
    const { db, statements } = counted(raw);
    const stats = new QuestionStats(db, at);
    const stored = [
      stats.record('directline', '深度诊断'),
      stats.record('directline', '深度诊断'),
      stats.record('emulator', '深度诊断'),
      stats.record('directline', '专场招聘'),
    ];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(statements).toEqual([]);
    expect(await stats.topTopics(1)).toEqual([
      { topic: '深度诊断', count: 3 },
      { topic: '专场招聘', count: 1 },
    ]);
    await Promise.all(stored);
    expect(statements).toEqual(['INSERT INTO question_stats', 'SELECT topic, SUM(count)']);
    void stats.record('directline', '深度诊断');
    expect(await stats.byChannel(1)).toEqual({ directline: 4, emulator: 1 });
    expect((await stats.perDay(1))[0].questions).toBe(5);
  });

  test('the timer writes the counts without a read, and flush() writes them at once', async () => {
    const { db, statements } = counted(raw);
    const stats = new QuestionStats(db, at, 10);
    await Promise.all([stats.record('directline', '深度诊断'), stats.record('directline', '深度诊断')]);
    expect(statements).toEqual(['INSERT INTO question_stats']);
    const stored = stats.record('emulator', '专场招聘');
    await stats.flush();
    await stored;
    expect(await raw.all('SELECT channel_id, topic, count FROM question_stats ORDER BY channel_id')).toEqual([
      { channel_id: 'directline', topic: '深度诊断', count: 2 },
      { channel_id: 'emulator', topic: '专场招聘', count: 1 },
    ]);
  });
});

describe('TurnRecorder', () => {
  test('idle() (shutdown) writes the counts waiting for their timer', async () => {
    const stats = new QuestionStats(raw, () => new Date('2026-12-03T04:00:00Z'), 60_000);
    const recorder = new TurnRecorder(new TranscriptLog(raw), stats, pino({ level: 'silent' }), () => '问候');
    const adapter = new TestAdapter(async (context: TurnContext) => {
      await recorder.observe(context);
      context.turnState.set(TURN_RECOGNITION, { intent: 'greeting', candidates: [], confidence: 'high' } as unknown as Recognition);
      await context.sendActivity('你好');
    });
    await adapter.send('你好').assertReply('你好');
    expect(await raw.all('SELECT * FROM question_stats')).toEqual([]);
    await recorder.idle();
    expect(await raw.all('SELECT channel_id, topic, count FROM question_stats')).toEqual([{ channel_id: 'test', topic: '问候', count: 1 }]);
  });
});
