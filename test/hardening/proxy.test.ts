import jwt from 'jsonwebtoken';
import { createSecretKey } from 'node:crypto';
import { call, pool, startServer, type RunningServer } from './server';

const ADMIN_TOKEN = 'lead-token-0123456789abcdefghij';
const TOKEN_KEY = 'hardening-test-signing-key-0123456789';

const me = (server: RunningServer, token: string, forwardedFor?: string) =>
  call(`${server.url}/admin/api/me`, { headers: { Authorization: `Bearer ${token}`, ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}) } });

/** Findings 3 (limits keyed on the proxy's address), 7 (polls eat the post budget) and the resume half of 2. */
describe('limits behind a reverse proxy (TRUST_PROXY=loopback)', () => {
  jest.setTimeout(180000);
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      TRUST_PROXY: 'loopback',
      ADMIN_TOKENS: `lead:admin:${ADMIN_TOKEN}`,
      DIRECTLINE_RATE_LIMIT_PER_MINUTE: '10',
      DIRECTLINE_TOKEN_KEY: TOKEN_KEY,
    });
  });
  afterAll(() => server?.stop());

  test('wrong admin tokens from one client lock out that client only; a valid token elsewhere still gets in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await me(server, `wrong-guess-${i}-xxxxxxxxxxxxxxxx`, '203.0.113.7')).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(15);
    const official = await me(server, ADMIN_TOKEN, '198.51.100.1');
    expect(official.status).toBe(200);
    expect(official.body).toEqual({ name: 'lead', role: 'admin' });
  });

  test('guesses for the official\'s own token prefix from elsewhere do not lock the official out', async () => {
    for (let i = 0; i < 12; i++) await me(server, `${ADMIN_TOKEN.slice(0, 12)}-wrong-${i}-zzzzzz`, '203.0.113.8');
    expect((await me(server, ADMIN_TOKEN, '198.51.100.2')).status).toBe(200);
  });

  test('1,900 guesses spread over 100 addresses: exponential back-off checks only a fraction of them', async () => {
    const guesses = Array.from({ length: 1900 }, (_, i) => ({ token: `spread-guess-${i}-abcdefghijklmnop`, from: `192.0.2.${i % 100}` }));
    const statuses = await pool(guesses, 20, async (g) => (await me(server, g.token, g.from)).status);
    const checked = statuses.filter((s) => s === 401).length;
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toHaveLength(0);
    expect(checked).toBeLessThanOrEqual(100 * 8);
    console.log(`1900 spread guesses: ${checked} checked, ${statuses.length - checked} refused with 429`);
  });

  test('new chats are limited per forwarded client, not for the whole site', async () => {
    const distinct = await pool(Array.from({ length: 30 }, (_, i) => `198.18.0.${i}`), 5, async (ip) =>
      (await call(`${server.url}/api/webchat/token`, { body: {}, headers: { 'X-Forwarded-For': ip } })).status,
    );
    expect(distinct.every((s) => s === 200)).toBe(true);
    const same: number[] = [];
    for (let i = 0; i < 15; i++) same.push((await call(`${server.url}/api/webchat/token`, { body: {}, headers: { 'X-Forwarded-For': '198.18.1.1' } })).status);
    expect(same.filter((s) => s === 429).length).toBe(5);
  });

  test('polling every 200 ms for a minute\'s worth of polls is never refused; posts keep their own budget', async () => {
    const started = await call(`${server.url}/v3/directline/conversations`, { body: {}, headers: { 'X-Forwarded-For': '198.18.2.1' } });
    expect(started.status).toBe(201);
    const auth = { Authorization: `Bearer ${started.body.token}` };
    const base = `${server.url}/v3/directline/conversations/${started.body.conversationId}`;
    // 300 polls = one minute at 200 ms: the old shared limit (120/min) refused most of them.
    const polls = await pool(Array.from({ length: 300 }, (_, i) => i), 4, async () => (await call(`${base}/activities?watermark=0`, { headers: auth })).status);
    expect(polls.filter((s) => s !== 200)).toHaveLength(0);
    const posts: number[] = [];
    for (let i = 0; i < 12; i++) posts.push((await call(`${base}/activities`, { body: { type: 'typing' }, headers: auth })).status);
    expect(posts.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(posts.slice(10)).toEqual([429, 429]);
  });

  test('a token past its lifetime never resumes its conversation or reads its history', async () => {
    const fresh = await call(`${server.url}/api/webchat/token`, { body: {}, headers: { 'X-Forwarded-For': '198.18.3.1' } });
    const conversationId = fresh.body.conversationId as string;
    const started = await call(`${server.url}/v3/directline/conversations`, { body: {}, headers: { Authorization: `Bearer ${fresh.body.token}` } });
    expect(started.status).toBe(201);
    const key = createSecretKey(Buffer.from(TOKEN_KEY, 'utf8'));
    const iat = Math.floor(Date.now() / 1000) - 25 * 86400 - 3600;
    const expired = jwt.sign({ conv: conversationId, scope: 'conversation', iat, exp: iat + 3600 }, key, { algorithm: 'HS256', issuer: 'huibot-directline' });
    const resumed = await call(`${server.url}/api/webchat/token`, { body: { resume: expired }, headers: { 'X-Forwarded-For': '198.18.3.1' } });
    expect(resumed.status).toBe(200);
    expect(resumed.body.resumed).toBe(false);
    expect(resumed.body.conversationId).not.toBe(conversationId);
    const read = await call(`${server.url}/v3/directline/conversations/${conversationId}/activities`, { headers: { Authorization: `Bearer ${expired}` } });
    expect(read.status).toBe(403);
    // A token still within its lifetime resumes, as before.
    const again = await call(`${server.url}/api/webchat/token`, { body: { resume: fresh.body.token }, headers: { 'X-Forwarded-For': '198.18.3.1' } });
    expect(again.body).toMatchObject({ resumed: true, conversationId });
  });
});

describe('without TRUST_PROXY', () => {
  jest.setTimeout(120000);
  test('X-Forwarded-For is not believed: a guesser cannot get a fresh identity per request', async () => {
    const server = await startServer({ ADMIN_TOKENS: `lead:admin:${ADMIN_TOKEN}` });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await me(server, `wrong-guess-${i}-yyyyyyyyyyyyyyyy`, `203.0.113.${i}`)).status);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(4);
    } finally {
      await server.stop();
    }
  });
});
