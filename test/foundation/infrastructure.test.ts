import { Writable } from 'node:stream';
import { loadConfig, ConfigError } from '../../src/config';
import { createLogger, maskSensitive } from '../../src/logger';
import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { startTestApp, startReplyListener, messageActivity, postJson, tempDbPath } from '../helpers/testApp';

/** The engine this run's suites open (the PostgreSQL project sets it). */
const ENGINE = process.env.HUIBOT_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

describe('configuration', () => {
  test('defaults apply on an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.DB_PATH).toBe('./data/huibot.db');
    expect(config.SEED_DEMO).toBe(true);
    expect(config.MicrosoftAppId).toBe('');
  });

  test.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
  ])('a wrong value %p stops with a message naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(variable));
  });
});

describe('logging', () => {
  test('mobile numbers and credit codes are masked', () => {
    expect(maskSensitive('联系人手机 13812345678')).toBe('联系人手机 138****5678');
    expect(maskSensitive('信用代码 91320594MA1WXYZ12K')).not.toContain('91320594MA1WXYZ12K');
  });

  test('the logger masks messages and fields', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.info({ mobile: '13900001111', nested: { code: '91320594MA1WXYZ12K' } }, '报名人 13900001111');
    const out = lines.join('');
    expect(out).not.toContain('13900001111');
    expect(out).not.toContain('91320594MA1WXYZ12K');
    expect(out).toContain('139****1111');
  });
});

describe('database', () => {
  test('migrations apply once and are recorded', async () => {
    const file = tempDbPath();
    const db = await Database.open(file);
    const first = await migrate(db);
    expect(first).toContain('001_core');
    expect(await migrate(db)).toEqual([]);
    if (ENGINE === 'sqlite') {
      const mode = await db.get<{ journal_mode: string }>('PRAGMA journal_mode');
      expect(mode?.journal_mode).toBe('wal');
    }
    await db.close();
  });

  test('two flows never interleave inside one transaction', async () => {
    const db = await Database.open(tempDbPath());
    await db.exec('CREATE TABLE counter (n INTEGER); INSERT INTO counter VALUES (0);');
    // Each flow reads, yields to the event loop, then writes read+1: interleaving would lose updates.
    const increment = () =>
      db.transaction(async (tx) => {
        const row = await tx.get<{ n: number }>('SELECT n FROM counter');
        await new Promise((r) => setTimeout(r, 1));
        await tx.run('UPDATE counter SET n = ?', [(row?.n ?? 0) + 1]);
      });
    await Promise.all(Array.from({ length: 50 }, increment));
    expect((await db.get<{ n: number }>('SELECT n FROM counter'))?.n).toBe(50);
    await db.close();
  });

  test('a failing transaction rolls back and the next one works', async () => {
    const db = await Database.open(tempDbPath());
    await db.exec('CREATE TABLE t (v TEXT)');
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO t VALUES (?)', ['lost']);
        throw new Error('fail');
      }),
    ).rejects.toThrow('fail');
    await db.transaction(async (tx) => tx.run('INSERT INTO t VALUES (?)', ['kept']));
    expect(await db.all('SELECT v FROM t')).toEqual([{ v: 'kept' }]);
    await db.close();
  });

  // SQLite keeps prepared statements per connection (PostgreSQL's pool prepares nothing to test here).
  (ENGINE === 'sqlite' ? test : test.skip)('prepared statements: reused with new parameters, errors not kept, evicted past the limit, finalized on close', async () => {
    const file = tempDbPath();
    const db = await Database.open(file);
    await db.exec('CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER)');
    for (let i = 0; i < 5; i++) await db.run('INSERT INTO kv (k, v) VALUES (?, ?)', [`k${i}`, i]);
    expect(await db.all('SELECT k FROM kv WHERE v >= ? ORDER BY v', [3])).toEqual([{ k: 'k3' }, { k: 'k4' }]);
    expect(await db.all('SELECT k FROM kv WHERE v >= ? ORDER BY v', [4])).toEqual([{ k: 'k4' }]);
    // A statement that fails (constraint) or cannot be prepared (unknown table) leaves the next calls working.
    await expect(db.run('INSERT INTO kv (k, v) VALUES (?, ?)', ['k1', 9])).rejects.toThrow(/UNIQUE/);
    expect((await db.run('INSERT INTO kv (k, v) VALUES (?, ?)', ['k9', 9])).changes).toBe(1);
    await expect(db.all('SELECT * FROM later')).rejects.toThrow(/no such table/);
    await db.exec('CREATE TABLE later (x INTEGER); INSERT INTO later VALUES (1);');
    expect(await db.all('SELECT * FROM later')).toEqual([{ x: 1 }]);
    // More distinct statements than the cache holds: the oldest are finalized, all still answer.
    for (let i = 0; i < 260; i++) expect(await db.all(`SELECT ${i} AS n FROM kv LIMIT 1`)).toEqual([{ n: i }]);
    expect(await db.all('SELECT COUNT(*) AS n FROM kv WHERE v >= ?', [0])).toEqual([{ n: 6 }]);
    await db.close(); // SQLite refuses to close with statements left unfinalized
    const reopened = await Database.open(file);
    expect(await reopened.all('SELECT COUNT(*) AS n FROM kv')).toEqual([{ n: 6 }]);
    await reopened.close();
  });
});

describe('proactive messages and shutdown', () => {
  test('the proactive service reaches a stored Bot Framework conversation', async () => {
    const listener = await startReplyListener();
    const { app, url } = await startTestApp();
    const activity = messageActivity(listener.serviceUrl, 'conv-proactive', '你好');
    await postJson(`${url}/api/messages`, activity);
    await listener.waitFor(1);

    const sent = await app.services.proactive.send('emulator|conv-proactive', '您报名的活动明天开始。');
    expect(sent).toBe(true);
    const replies = await listener.waitFor(2);
    expect(replies[1].url).toMatch(/^\/v3\/conversations\/conv-proactive\/activities/);
    expect(replies[1].body.text).toBe('您报名的活动明天开始。');
    expect(await app.services.proactive.send('emulator|nobody', 'x')).toBe(false);
    await app.close();
    await listener.close();
  });

  test('close() stops accepting, lets a turn in flight finish, then closes the database', async () => {
    const listener = await startReplyListener();
    const { app, url } = await startTestApp({
      recognizer: {
        recognize: async (text) => {
          await new Promise((r) => setTimeout(r, 300)); // a slow turn
          return { text, normalized: text, intent: 'greeting', intentScore: 1, entities: {}, candidates: [] };
        },
      },
    });
    const inFlight = postJson(`${url}/api/messages`, messageActivity(listener.serviceUrl, 'conv-slow', '你好'));
    await new Promise((r) => setTimeout(r, 50));
    await app.close();
    const res = await inFlight;
    expect(res.status).toBeLessThan(300);
    expect(listener.replies).toHaveLength(1);
    expect(app.services.db.isClosed).toBe(true);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    await listener.close();
  });
});
