/**
 * The writes every turn makes beside its answer (transcript lines, question counts) are
 * group-committed: a turn's lines take one INSERT (and one prune), many turns' counts one upsert,
 * and reads see everything recorded before them. Counts statements, never times.
 */
import { Database } from '../../src/storage/database';
import type { Database as DatabaseApi } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { GroupCommit } from '../../src/storage/groupCommit';
import { TranscriptLog, TRANSCRIPT_KEEP } from '../../src/handoff/transcript';
import { QuestionStats } from '../../src/stats/stats';

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
  test('a turn’s lines take one INSERT and one prune, and recent() sees them at once', async () => {
    const { db, statements } = counted(raw);
    const log = new TranscriptLog(db);
    void log.record('directline|c1', 'user', '深度诊断收费吗');
    void log.record('directline|c1', 'bot', '深度诊断免费。');
    void log.record('directline|c1', 'bot', '还想了解什么？');
    const lines = await log.recent('directline|c1');
    expect(lines.map((l) => `${l.role}:${l.text}`)).toEqual(['user:深度诊断收费吗', 'bot:深度诊断免费。', 'bot:还想了解什么？']);
    expect(statements).toEqual(['INSERT INTO transcript_messages', 'DELETE FROM transcript_messages', 'SELECT role, text,']);
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
  test('counts recorded together take one upsert and add up per topic and channel', async () => {
    const { db, statements } = counted(raw);
    const stats = new QuestionStats(db, () => new Date('2026-12-03T04:00:00Z'));
    await Promise.all([
      stats.record('directline', '深度诊断'),
      stats.record('directline', '深度诊断'),
      stats.record('emulator', '深度诊断'),
      stats.record('directline', '专场招聘'),
    ]);
    expect(statements).toEqual(['INSERT INTO question_stats']);
    await stats.record('directline', '深度诊断');
    expect(await stats.topTopics(1)).toEqual([
      { topic: '深度诊断', count: 4 },
      { topic: '专场招聘', count: 1 },
    ]);
    expect(await stats.byChannel(1)).toEqual({ directline: 4, emulator: 1 });
  });
});
