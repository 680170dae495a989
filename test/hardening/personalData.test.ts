import fs from 'node:fs';
import sqlite3 from 'sqlite3';
import { loadConfig } from '../../src/config';
import { Database } from '../../src/storage/database';
import { RetentionJob, retentionPeriods } from '../../src/privacy/retention';
import { creditCode } from '../helpers/testApp';
import { DirectLineClient } from '../directline/harness';
import { startServer, type RunningServer } from './server';

const MOBILE = '13812345678';
const TYPED_MOBILE = '138-1234-5678';
const CODE = creditCode(7);
const CONTACT = '欧阳小明';
const TITLE = '【示例】专精特新企业沙龙：政策宣讲与需求对接';

/** Every table and column of the database file where one of the needles occurs. */
async function occurrences(dbPath: string, needles: string[]): Promise<string[]> {
  const db = new sqlite3.Database(dbPath, sqlite3.OPEN_READONLY);
  const all = <T>(sql: string) => new Promise<T[]>((resolve, reject) => db.all(sql, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
  try {
    const found: string[] = [];
    const tables = await all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
    for (const { name } of tables) {
      for (const row of await all<Record<string, unknown>>(`SELECT * FROM "${name}"`)) {
        for (const [column, value] of Object.entries(row)) {
          const text = typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
          const compact = text.replace(/[\s-]/g, '').toUpperCase();
          for (const needle of needles) if (compact.includes(needle.replace(/[\s-]/g, '').toUpperCase())) found.push(`${name}.${column}: ${needle}`);
        }
      }
    }
    return [...new Set(found)];
  } finally {
    await new Promise((resolve) => db.close(resolve));
  }
}

/** Finding 2: typed personal data stayed in the web chat history for ever. */
describe('personal data has an end', () => {
  jest.setTimeout(180000);
  let server: RunningServer;
  afterAll(() => server?.stop());

  test('after sign-up and withdrawal the typed values are gone from history and transcripts; after the retention job, from the whole database', async () => {
    server = await startServer({ SEED_DEMO: 'true' });
    const client = await DirectLineClient.start(server.url);
    const say = async (text: string): Promise<string> => {
      const before = client.seen.length;
      await client.post(text);
      await client.poll();
      return client.seen
        .slice(before)
        .filter((a) => a.type === 'message' && a.from?.role === 'bot')
        .map((a) => `${a.text ?? ''} ${JSON.stringify(a.suggestedActions ?? '')} ${JSON.stringify(a.attachments ?? '')}`)
        .join('\n');
    };
    expect(await say('最近有什么活动')).toContain(TITLE);
    let reply = '';
    for (const text of [`报名：${TITLE}`, '同意', '丙科技有限公司', CODE, CONTACT, TYPED_MOBILE]) reply = await say(text);
    // The remaining questions depend on the activity (attendees, positions): answer until it is done.
    for (let i = 0; i < 5 && !/报名成功|候补/.test(reply); i++) reply = await say(/参会人数/.test(reply) ? '1' : '确认提交');
    expect(reply).toMatch(/报名成功|候补/);
    await say('取消报名');
    const cancelled = await say('确认取消报名');
    expect(cancelled).toContain('已取消');

    // Withdrawal: the typed values are redacted from the conversation records at once.
    const afterWithdrawal = await occurrences(server.dbPath, [MOBILE, CODE, CONTACT]);
    console.log(`after withdrawal, before the retention job: ${afterWithdrawal.join('; ') || 'nowhere'}`);
    expect(afterWithdrawal.filter((hit) => /^(directline_activities|transcript_messages|unanswered_questions)\./.test(hit))).toEqual([]);
    // The web chat history as the client reads it again shows no trace either.
    const replay = new DirectLineClient(client.base, client.conversation);
    await replay.poll();
    const history = JSON.stringify(replay.seen);
    for (const value of [MOBILE, TYPED_MOBILE, CODE, CONTACT]) expect(history).not.toContain(value);
    expect(history).toContain('[已删除]');
    await server.stop();

    // The retention job, with the clock past every retention period: nothing typed is left anywhere.
    const db = await Database.open(server.dbPath);
    try {
      const periods = retentionPeriods(loadConfig({}));
      const later = new Date(Date.now() + 400 * 86_400_000);
      await new RetentionJob(db, periods, () => later).run();
    } finally {
      await db.close();
    }
    expect(await occurrences(server.dbPath, [MOBILE, CODE, CONTACT])).toEqual([]);
    // Not even in freed pages of the file (secure_delete) or a write-ahead log left behind.
    for (const file of [server.dbPath, `${server.dbPath}-wal`].filter((f) => fs.existsSync(f))) {
      const bytes = fs.readFileSync(file);
      for (const value of [MOBILE, CODE, CONTACT]) expect({ file, value, found: bytes.includes(Buffer.from(value, 'utf8')) }).toEqual({ file, value, found: false });
    }
  });
});
