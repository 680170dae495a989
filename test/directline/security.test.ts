import jwt from 'jsonwebtoken';
import { TEXT } from '../../dialogs/messages';
import { call, DirectLineClient, startDirectLineApp, textsFrom, type RunningApp } from './harness';

const SECRET = 'service-center-secret-0123456789';
const KEY = 'test-signing-key-abcdefghijklmnopqrstuvwxyz';
const ALLOWED = 'https://qyfw.sipac.gov.cn';

describe('Direct Line security', () => {
  let running: RunningApp;
  let dl: string;

  beforeAll(async () => {
    running = await startDirectLineApp({
      env: { DIRECTLINE_SECRET: SECRET, DIRECTLINE_TOKEN_KEY: KEY, WEBCHAT_ALLOWED_ORIGINS: `${ALLOWED}, https://other.example.cn` },
    });
    dl = `${running.url}/v3/directline`;
  });
  afterAll(() => running.close());

  describe('with DIRECTLINE_SECRET set', () => {
    test('starting a conversation needs the secret or a generated token', async () => {
      const anonymous = await call(`${dl}/conversations`, { method: 'POST' });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.message).toMatch(/Bearer/);
      expect((await call(`${dl}/conversations`, { method: 'POST', token: 'wrong-secret' })).status).toBe(403);
      expect((await call(`${dl}/tokens/generate`, { method: 'POST' })).status).toBe(401);
      expect((await call(`${dl}/tokens/generate`, { method: 'POST', token: 'wrong-secret' })).status).toBe(403);

      const generated = await call(`${dl}/tokens/generate`, { method: 'POST', token: SECRET, body: { user: { id: 'staff-001', name: '王敏' } } });
      expect(generated.status).toBe(200);
      const client = await DirectLineClient.start(running.url, generated.body.token);
      expect(client.conversation.conversationId).toBe(generated.body.conversationId);
      await client.post('你好', { from: { id: 'intruder' } } as never);
      const [welcome, echo, reply] = await client.poll();
      expect(welcome.text).toBe(TEXT.welcome);
      expect(echo.from).toEqual({ id: 'staff-001', name: '王敏', role: 'user' });
      expect(reply.text).toBe(TEXT.greeting);
    });

    test('a conversation started with the secret and no user learns the user from the first message, welcome first', async () => {
      const started = await call(`${dl}/conversations`, { method: 'POST', token: SECRET });
      expect(started.status).toBe(201);
      const client = new DirectLineClient(dl, started.body);
      expect(await client.poll()).toEqual([]);
      const sent = await client.post('你好', { from: { id: 'r_visitor42', name: '访客' } } as never);
      const activities = await client.poll();
      expect(activities.map((a) => [a.from?.role, a.text])).toEqual([
        ['bot', TEXT.welcome],
        ['user', '你好'],
        ['bot', TEXT.greeting],
      ]);
      expect(activities[1]).toMatchObject({ id: sent.id, from: { id: 'r_visitor42' } });
      // The secret also works for calls on any conversation (server-side clients).
      const bySecret = await call(`${client.activitiesUrl()}?watermark=0`, { token: SECRET });
      expect(bySecret.status).toBe(200);
    });

    test('the page token endpoint exchanges the secret server-side', async () => {
      const res = await call(`${running.url}/api/webchat/token`, { method: 'POST' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ token: expect.any(String), conversationId: expect.any(String), resumed: false });
      const client = await DirectLineClient.start(running.url, res.body.token);
      expect(textsFrom(await client.poll(), 'bot')).toEqual([TEXT.welcome]);
    });
  });

  describe('tokens', () => {
    let a: DirectLineClient;
    let b: DirectLineClient;
    beforeAll(async () => {
      a = await DirectLineClient.start(running.url, (await call(`${dl}/tokens/generate`, { method: 'POST', token: SECRET })).body.token);
      b = await DirectLineClient.start(running.url, (await call(`${dl}/tokens/generate`, { method: 'POST', token: SECRET })).body.token);
    });

    test("another conversation's token gets 403 on every call", async () => {
      const other = b.token;
      expect((await call(`${a.activitiesUrl()}?watermark=`, { token: other })).status).toBe(403);
      expect((await call(a.activitiesUrl(), { token: other, body: { type: 'message', text: 'hi' } })).status).toBe(403);
      const reconnect = await call(`${dl}/conversations/${a.conversation.conversationId}`, { token: other });
      expect(reconnect.status).toBe(403);
      expect(reconnect.body.error.message).toMatch(/not valid for this conversation/);
    });

    test('no token → 401, forged or malformed token → 403', async () => {
      expect((await call(a.activitiesUrl())).status).toBe(401);
      const forged = jwt.sign({ conv: a.conversation.conversationId, scope: 'conversation' }, 'some-other-key', { issuer: 'huibot-directline' });
      expect((await call(a.activitiesUrl(), { token: forged })).status).toBe(403);
      expect((await call(a.activitiesUrl(), { token: 'abc.def.ghi' })).status).toBe(403);
      // A stream token only opens the WebSocket.
      const streamToken = new URL(a.conversation.streamUrl).searchParams.get('t')!;
      expect((await call(a.activitiesUrl(), { token: streamToken })).status).toBe(403);
    });

    test('an expired token gets 403 "token expired"', async () => {
      const expired = jwt.sign(
        { conv: a.conversation.conversationId, scope: 'conversation', exp: Math.floor(Date.now() / 1000) - 5 },
        KEY,
        { issuer: 'huibot-directline' },
      );
      const res = await call(a.activitiesUrl(), { token: expired });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe('token expired');
      expect((await call(`${dl}/tokens/refresh`, { method: 'POST', token: expired })).status).toBe(403);
    });

    test('an unknown conversation is 404', async () => {
      const unknown = `${dl}/conversations/no-such-conversation/activities`;
      expect((await call(unknown, { token: SECRET })).status).toBe(404);
      const tokenForUnknown = jwt.sign({ conv: 'no-such-conversation', scope: 'conversation' }, KEY, { issuer: 'huibot-directline', expiresIn: 60 });
      const res = await call(unknown, { token: tokenForUnknown });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { status: 404, message: 'conversation not found' } });
    });
  });

  describe('CORS', () => {
    test('a preflight from an allowed origin is answered with the CORS headers', async () => {
      const res = await fetch(`${dl}/conversations`, {
        method: 'OPTIONS',
        headers: { Origin: ALLOWED, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(res.headers.get('access-control-allow-methods')).toContain('POST');
      expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
      const tokenPreflight = await fetch(`${running.url}/api/webchat/token`, { method: 'OPTIONS', headers: { Origin: ALLOWED, 'Access-Control-Request-Method': 'POST' } });
      expect(tokenPreflight.status).toBe(204);
    });

    test('a preflight or a call from an origin not listed is refused', async () => {
      const preflight = await fetch(`${dl}/conversations`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example.com', 'Access-Control-Request-Method': 'POST' } });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const post = await call(`${running.url}/api/webchat/token`, { method: 'POST', headers: { Origin: 'https://evil.example.com' } });
      expect(post.status).toBe(403);
      expect(post.headers.get('access-control-allow-origin')).toBeNull();
    });

    test('calls from an allowed origin and from the bot’s own page carry on', async () => {
      const allowed = await call(`${running.url}/api/webchat/token`, { method: 'POST', headers: { Origin: ALLOWED } });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(allowed.headers.get('vary')).toMatch(/Origin/);
      const sameOrigin = await call(`${running.url}/api/webchat/token`, { method: 'POST', headers: { Origin: running.url } });
      expect(sameOrigin.status).toBe(200);
    });
  });
});

describe('Direct Line rate limit', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startDirectLineApp({ env: { DIRECTLINE_RATE_LIMIT_PER_MINUTE: '5', DIRECTLINE_POLL_LIMIT_PER_MINUTE: '8' } });
  });
  afterAll(() => running.close());

  test('a token over its per-minute budget gets 429 with Retry-After; polls and posts have separate budgets; other conversations are unaffected', async () => {
    const noisy = await DirectLineClient.start(running.url);
    const quiet = await DirectLineClient.start(running.url);
    const posts: number[] = [];
    for (let i = 0; i < 7; i++) posts.push((await call(noisy.activitiesUrl(), { token: noisy.token, body: { type: 'typing' } })).status);
    expect(posts).toEqual([200, 200, 200, 200, 200, 429, 429]);
    // Polling is counted on its own, looser budget: posting's limit does not stop the reads.
    const polls: number[] = [];
    for (let i = 0; i < 10; i++) polls.push((await call(`${noisy.activitiesUrl()}?watermark=`, { token: noisy.token })).status);
    expect(polls).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429, 429]);
    const limited = await call(noisy.activitiesUrl(), { token: noisy.token, body: { type: 'message', text: '你好' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error.message).toMatch(/too many/);
    expect((await call(`${quiet.activitiesUrl()}?watermark=`, { token: quiet.token })).status).toBe(200);
  });
});
