import { startTestApp, startReplyListener, messageActivity, postJson } from '../helpers/testApp';
import type { App } from '../../src/app';

describe('POST /api/messages (Bot Framework channel, anonymous like the Emulator)', () => {
  let app: App;
  let url: string;
  let listener: Awaited<ReturnType<typeof startReplyListener>>;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    listener = await startReplyListener();
  });
  afterAll(async () => {
    await app.close();
    await listener.close();
  });
  beforeEach(() => listener.replies.splice(0));

  test('GET /healthz reports the database, version and uptime', async () => {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', database: 'ok', version: expect.any(String) });
    expect(typeof body.uptimeSeconds).toBe('number');
  });

  test('the reply is POSTed to {serviceUrl}/v3/conversations/{id}/activities/{replyToId}', async () => {
    const activity = messageActivity(listener.serviceUrl, 'conv-reply', '帮助');
    const res = await postJson(`${url}/api/messages`, activity);
    expect(res.status).toBeLessThan(300);
    const [reply] = await listener.waitFor(1);
    expect(reply.method).toBe('POST');
    expect(reply.url).toBe(`/v3/conversations/conv-reply/activities/${activity.id}`);
    expect(reply.body.text).toContain('我可以帮您');
    expect(reply.body.replyToId).toBe(activity.id);
    expect(reply.body.suggestedActions?.actions.map((a) => a.title)).toContain('最近有什么活动');
  });

  test('a new member gets the welcome with a menu', async () => {
    const update = {
      ...messageActivity(listener.serviceUrl, 'conv-welcome', ''),
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user-1' }, { id: 'huibot' }],
    };
    await postJson(`${url}/api/messages`, update);
    const [reply] = await listener.waitFor(1);
    expect(reply.body.text).toContain('汇计划');
    expect(reply.body.suggestedActions?.actions.length).toBeGreaterThan(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(listener.replies).toHaveLength(1); // the bot itself joining is not welcomed
  });

  test.each([
    ['malformed JSON', '{"type": "message", ', 400],
    ['a JSON array', '[1,2,3]', 400],
    ['a non-activity object', '{"hello":"world"}', 400],
    ['a missing conversation', JSON.stringify({ type: 'message', text: 'hi', serviceUrl: 'http://127.0.0.1:1' }), 400],
    ['a non-string text', JSON.stringify({ type: 'message', text: 42, serviceUrl: 'http://127.0.0.1:1', conversation: { id: 'x' } }), 400],
  ])('%s gets a 4xx JSON error', async (_label, body, status) => {
    const res = await postJson(`${url}/api/messages`, body);
    expect(res.status).toBe(status);
    expect(res.json).toBeDefined();
  });

  test('a body over 256 KB gets 413 and the server keeps serving', async () => {
    const activity = messageActivity(listener.serviceUrl, 'conv-big', 'x'.repeat(300 * 1024));
    const res = await postJson(`${url}/api/messages`, activity);
    expect(res.status).toBe(413);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  test.each([
    ['emoji', '😀😀👍🎉'],
    ['control characters', 'hello\u0000\u0007\u001b[31m world'],
    ['10,000 characters', '专精特新'.repeat(2500)],
    ['an injection attempt', "'; DROP TABLE bot_state; -- <script>alert(1)</script>"],
  ])('a message with %s gets a polite reply', async (_label, text) => {
    const activity = messageActivity(listener.serviceUrl, `conv-odd-${_label.length}`, text);
    const res = await postJson(`${url}/api/messages`, activity);
    expect(res.status).toBeLessThan(300);
    const replies = await listener.waitFor(1);
    expect(replies[0].body.text ?? '').toMatch(/[\u4e00-\u9fa5]/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});

describe('POST /api/messages with MicrosoftAppId set', () => {
  test('a request without a valid Bot Framework JWT is refused with 401', async () => {
    const { app, url } = await startTestApp({ env: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' } });
    try {
      const activity = messageActivity('http://127.0.0.1:9', 'conv-auth', '你好');
      expect((await postJson(`${url}/api/messages`, activity)).status).toBe(401);
      const forged = await postJson(`${url}/api/messages`, activity, { authorization: 'Bearer not.a.jwt' });
      expect(forged.status).toBe(401);
    } finally {
      await app.close();
    }
  });
});
