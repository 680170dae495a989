import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { RetentionJob } from '../../src/privacy/retention';
import { PersonalDataEraser } from '../../src/privacy/eraser';
import { redactor, REDACTED } from '../../src/privacy/redaction';
import { DEFAULT_RETENTION } from '../../src/privacy/periods';
import { signupNoticeText } from '../../src/activities/notice';

const DAY = 86_400_000;
const NOW = new Date('2027-03-01T00:00:00.000Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

describe('retention periods', () => {
  let db: Database;
  beforeEach(async () => {
    db = await Database.open(':memory:');
    await migrate(db);
  });
  afterEach(() => db.close());

  test('each kind of record is deleted after its own period, and not before', async () => {
    for (const [id, days] of [['old', 31], ['new', 29]] as const) {
      await db.run('INSERT INTO directline_conversations (conversation_id, user_id, created_at) VALUES (?, ?, ?)', [id, `u-${id}`, ago(days)]);
      await db.run('INSERT INTO directline_activities (conversation_id, seq, type, activity, created_at) VALUES (?, 1, ?, ?, ?)', [id, 'message', '{"text":"13812345678"}', ago(days)]);
      await db.run('INSERT INTO transcript_messages (ref_key, role, text, at) VALUES (?, ?, ?, ?)', [`directline|${id}`, 'user', '13812345678', ago(days)]);
    }
    await db.run("INSERT INTO unanswered_questions (text, channel, reason, created_at) VALUES ('a', 'directline', 'no_topic', ?), ('b', 'directline', 'no_topic', ?)", [ago(181), ago(179)]);
    await db.run("INSERT INTO admin_audit_log (at, actor, role, action, details, ip) VALUES (?, 'a', 'admin', 'x', '{}', '10.0.0.1'), (?, 'a', 'admin', 'y', '{}', '10.0.0.1')", [ago(366), ago(364)]);

    const expired: Date[] = [];
    const report = await new RetentionJob(db, DEFAULT_RETENTION, () => NOW, [(cutoff) => expired.push(cutoff)]).run();
    expect(report).toMatchObject({ webChatActivities: 1, webChatConversations: 1, transcriptLines: 1, unansweredQuestions: 1, auditEntries: 1 });
    expect(await db.all('SELECT conversation_id FROM directline_conversations')).toEqual([{ conversation_id: 'new' }]);
    expect(await db.all('SELECT ref_key FROM transcript_messages')).toEqual([{ ref_key: 'directline|new' }]);
    expect(await db.all('SELECT text FROM unanswered_questions')).toEqual([{ text: 'b' }]);
    expect(await db.all('SELECT action, details, ip FROM admin_audit_log ORDER BY id')).toEqual([
      { action: 'x', details: null, ip: null },
      { action: 'y', details: '{}', ip: '10.0.0.1' },
    ]);
    expect(expired).toEqual([new Date(ago(30))]);
  });

  test('删除我的信息 redacts the profile and the sign-up details typed anywhere in the person\'s conversations, not in others\'', async () => {
    await db.run("INSERT INTO directline_conversations (conversation_id, user_id) VALUES ('mine', 'u1'), ('theirs', 'u2')");
    const typed = JSON.stringify({ type: 'message', text: '手机 138 1234 5678，信用代码 91320594mA1abcde0x，联系人欧阳小明' });
    for (const id of ['mine', 'theirs']) {
      await db.run('INSERT INTO directline_activities (conversation_id, seq, type, activity) VALUES (?, 1, ?, ?)', [id, 'message', typed]);
      await db.run('INSERT INTO transcript_messages (ref_key, role, text, at) VALUES (?, ?, ?, ?)', [`directline|${id}`, 'user', '欧阳小明 13812345678', NOW.toISOString()]);
    }
    await db.run("INSERT INTO unanswered_questions (text, channel, user_id, reason) VALUES ('我的手机13812345678', 'directline', 'u1', 'no_topic')");
    await db.run(
      `INSERT INTO activities (id, type, title, place, starts_at, ends_at, capacity, signup_deadline, status, created_at, updated_at)
       VALUES (1, 'salon', 't', '园区', ?, ?, 10, ?, 'published', ?, ?)`,
      [ago(-9), ago(-10), ago(-8), ago(1), ago(1)],
    );
    await db.run(
      `INSERT INTO registrations (activity_id, credit_code, enterprise_name, contact_name, mobile, attendees, status, channel_id, user_id, created_at, updated_at, registered_at)
       VALUES (1, '91320594MA1ABCDE0X', '丙公司', '欧阳小明', '13812345678', 1, 'confirmed', 'directline', 'u1', ?, ?, ?)`,
      [ago(1), ago(1), ago(1)],
    );
    const report = await new PersonalDataEraser(db).erase({ channelId: 'directline', userId: 'u1', values: ['91320594MA1ABCDE0X'], withRegistrations: true });
    expect(report).toMatchObject({ activities: 1, transcriptLines: 1, questions: 1, conversations: ['mine'] });
    const mine = await db.get<{ activity: string }>("SELECT activity FROM directline_activities WHERE conversation_id = 'mine'");
    expect(JSON.parse(mine!.activity).text).toBe(`手机 ${REDACTED}，信用代码 ${REDACTED}，联系人${REDACTED}`);
    expect((await db.get<{ activity: string }>("SELECT activity FROM directline_activities WHERE conversation_id = 'theirs'"))!.activity).toBe(typed);
    expect(await db.all('SELECT text FROM transcript_messages ORDER BY id')).toEqual([{ text: `${REDACTED} ${REDACTED}` }, { text: '欧阳小明 13812345678' }]);
    expect(await db.get('SELECT text FROM unanswered_questions')).toEqual({ text: `我的手机${REDACTED}` });
  });

  test('redaction: typed variants of numbers, JSON stays valid, short values are left alone', () => {
    const redact = redactor(['13812345678', '王', '"quoted"'])!;
    expect(redact('call 138-1234-5678 or 138 1234 5678')).toBe(`call ${REDACTED} or ${REDACTED}`);
    expect(redact('王先生')).toBe('王先生');
    const json = JSON.stringify({ text: 'a "quoted" b 13812345678' });
    expect(() => JSON.parse(redact(json))).not.toThrow();
    expect(redactor(['', undefined, 'x'])).toBeUndefined();
  });

  test('the consent notice states the retention of conversation records', () => {
    expect(signupNoticeText({ webChatDays: 14, transcriptDays: 60 })).toMatch(/网页对话记录保存 14 天.*对话摘录保存 60 天/);
  });
});
