/**
 * The two-instance recipe (scripts/two-instances.ts) for real: two `npm start` processes on one
 * PostgreSQL schema behind Debian's nginx. Through the proxy: /healthz answers from both instances,
 * a web chat conversation works by polling and over the WebSocket stream, /api/messages answers.
 * nginx missing and not installable fails the suite with the recipe's one-line message.
 */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { freePort, startTwoInstances, type TwoInstances } from '../../../scripts/two-instances';
import { ReplyListener, agent, request } from '../../../bench/lib/client';
import { createDatabase, databaseNameFor, databaseUrl } from '../../helpers/postgresDatabases';
import { until } from '../../helpers/multiInstance';

jest.setTimeout(240_000);

let recipe: TwoInstances;
const listener = new ReplyListener();

beforeAll(async () => {
  const schema = databaseNameFor(':memory:');
  await createDatabase(schema);
  await listener.listen();
  recipe = await startTwoInstances({
    port: await freePort(),
    databaseUrl: databaseUrl(schema),
    env: { LOG_LEVEL: 'warn', SEED_DEMO: 'false', WECHATY_PUPPET: '', WECHAT_OA_APP_ID: '', MicrosoftAppId: '', NODE_ENV: '', DATABASE_POOL_SIZE: '4' },
  });
});

afterAll(async () => {
  await recipe?.stop();
  await listener.close();
  agent.destroy();
});

interface Activity {
  type?: string;
  id?: string;
  replyToId?: string;
  text?: string;
}

function botReplyTo(activities: Activity[], id: string): Activity | undefined {
  return activities.find((a) => a.type === 'message' && a.replyToId === id);
}

test('the proxy spreads /healthz over both instances, both on PostgreSQL', async () => {
  const seen = new Set<string>();
  for (let i = 0; i < 8; i++) {
    const health = await request(`${recipe.url}/healthz`, 'GET');
    expect(health.status).toBe(200);
    expect(health.body.engine).toBe('postgres');
    seen.add(health.body.instance);
  }
  expect([...seen].sort()).toEqual(['huibot-a', 'huibot-b']);
});

test('a web chat conversation through the proxy: token, post and reply by polling and over the stream', async () => {
  const issued = await request(`${recipe.url}/api/webchat/token`, 'POST', undefined, {});
  expect(issued.status).toBe(200);
  const started = await request(`${recipe.url}/v3/directline/conversations`, 'POST', issued.body.token, {});
  expect(started.status).toBeLessThan(300);
  const { conversationId, token, streamUrl } = started.body as { conversationId: string; token: string; streamUrl: string };
  // The instance builds the stream address from the Host header nginx passes on: the proxy's.
  expect(streamUrl.startsWith(recipe.url.replace(/^http/, 'ws'))).toBe(true);
  const activities = `${recipe.url}/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`;

  // Polling.
  const first = await request(activities, 'POST', token, { type: 'message', text: '你好', from: { id: 'proxy-test' } });
  expect(first.status).toBe(200);
  const polled = await until(async () => {
    const page = await request(`${activities}?watermark=`, 'GET', token);
    expect(page.status).toBe(200);
    return botReplyTo(page.body.activities as Activity[], first.body.id);
  }, 'a reply by polling');
  expect(polled.text).toBeTruthy();

  // The WebSocket stream (upgrade through nginx), then a post whose reply must arrive on it.
  const socket = new WebSocket(streamUrl);
  const received: Activity[] = [];
  socket.on('message', (data) => {
    const text = data.toString();
    if (text) received.push(...((JSON.parse(text) as { activities?: Activity[] }).activities ?? []));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  try {
    const second = await request(activities, 'POST', token, { type: 'message', text: '汇计划是什么', from: { id: 'proxy-test' } });
    expect(second.status).toBe(200);
    const streamed = await until(async () => botReplyTo(received, second.body.id), 'a reply on the stream');
    expect(streamed.text).toBeTruthy();
  } finally {
    socket.close();
  }
});

test('/api/messages through the proxy: every turn is answered at the serviceUrl', async () => {
  const bot = { id: 'huibot', name: 'huibot', role: 'bot' };
  const replies = await Promise.all(
    Array.from({ length: 4 }, async (_, i) => {
      const user = { id: `proxy-user-${i}`, name: '测试用户', role: 'user' };
      const common = { channelId: 'emulator', serviceUrl: listener.url, conversation: { id: `proxy-${i}-${randomUUID()}` }, recipient: bot, from: user, locale: 'zh-CN' };
      const id = randomUUID();
      const reply = listener.expect(id);
      const posted = await request(`${recipe.url}/api/messages`, 'POST', undefined, { ...common, type: 'message', id, text: '你好', timestamp: new Date().toISOString() });
      expect(posted.status).toBeLessThan(300);
      return reply;
    }),
  );
  for (const reply of replies) expect(reply.text).toBeTruthy();
});
