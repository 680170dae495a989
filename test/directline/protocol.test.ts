import { TEXT } from '../../dialogs/messages';
import { call, DirectLineClient, startDirectLineApp, textsFrom, type RunningApp } from './harness';

function decodeClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

describe('Direct Line 3.0 protocol (open mode, polling)', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startDirectLineApp();
  });
  afterAll(() => running.close());

  test('starting a conversation returns id, token, expiry and a WebSocket streamUrl, and the bot welcomes the user', async () => {
    const res = await call(`${running.url}/v3/directline/conversations`, { method: 'POST', body: { locale: 'zh-CN' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      conversationId: expect.stringMatching(/^[\w-]{16,}$/),
      token: expect.any(String),
      expires_in: 3600,
      streamUrl: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/.+\/stream\?/),
    });
    // Web Chat takes the user id from the token's `user` claim.
    const claims = decodeClaims(res.body.token);
    expect(claims.user).toMatch(/^dl_/);
    expect(claims.conv).toBe(res.body.conversationId);

    const client = new DirectLineClient(`${running.url}/v3/directline`, res.body);
    const [welcome, ...rest] = await client.poll();
    expect(rest).toEqual([]);
    expect(welcome).toMatchObject({
      type: 'message',
      text: TEXT.welcome,
      from: { id: 'huibot', role: 'bot' },
      recipient: { id: claims.user },
      conversation: { id: res.body.conversationId },
      channelId: 'directline',
      id: `${res.body.conversationId}|0000001`,
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(welcome.suggestedActions?.actions.map((a) => a.title)).toContain('最近有什么活动');
    expect(client.watermark).toBe('1');
  });

  test('a posted message comes back with its server id and clientActivityID, and the reply is visible in the first poll after the post', async () => {
    const client = await DirectLineClient.start(running.url);
    await client.poll();
    const userId = decodeClaims(client.token).user;

    const sent = await client.post('你好', { from: { id: 'someone-else', name: '张经理' } } as never);
    expect(sent.id).toBe(`${client.conversation.conversationId}|0000002`);

    const activities = await client.poll();
    expect(activities).toHaveLength(2);
    const [echo, reply] = activities;
    expect(echo).toMatchObject({
      type: 'message',
      id: sent.id,
      text: '你好',
      channelData: { clientActivityID: sent.clientActivityID },
      // The token decides who the user is, whatever the client claims.
      from: { id: userId, name: '张经理', role: 'user' },
      timestamp: expect.any(String),
    });
    expect(reply).toMatchObject({
      type: 'message',
      text: TEXT.greeting,
      replyToId: sent.id,
      from: { id: 'huibot', role: 'bot' },
      id: `${client.conversation.conversationId}|0000003`,
      timestamp: expect.any(String),
    });
    expect(Date.parse(String(reply.timestamp))).toBeGreaterThan(Date.parse(String(echo.timestamp)));
    expect(client.watermark).toBe('3');

    // Nothing new since the watermark.
    expect(await client.poll()).toEqual([]);
    expect(client.watermark).toBe('3');

    // A second turn, then the whole history from an empty watermark, in order.
    const second = await client.post('我们属于哪一类');
    const [, help] = await client.poll();
    expect(help).toMatchObject({ replyToId: second.id, text: TEXT.help });
    client.watermark = '';
    const history = await client.poll();
    expect(history.map((a) => a.id?.split('|')[1])).toEqual(['0000001', '0000002', '0000003', '0000004', '0000005']);
    expect(textsFrom(history, 'user')).toEqual(['你好', '我们属于哪一类']);
    expect(textsFrom(history, 'bot')).toEqual([TEXT.welcome, TEXT.greeting, TEXT.help]);

    // The poll body is spliced from stored JSON texts: still one valid JSON document, with its length and type.
    const raw = await fetch(`${client.activitiesUrl()}?watermark=`, { headers: { Authorization: `Bearer ${client.token}` } });
    const text = await raw.text();
    expect(raw.headers.get('content-type')).toBe('application/json');
    expect(Number(raw.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(JSON.parse(text)).toMatchObject({ watermark: '5', activities: history });
  });

  test('events and typing from the client are accepted and echoed; the bot answers only messages', async () => {
    const client = await DirectLineClient.start(running.url);
    await client.poll();
    const event = await call(client.activitiesUrl(), { token: client.token, body: { type: 'event', name: 'webchat/join', value: { page: '/' } } });
    expect(event.status).toBe(200);
    const typing = await call(client.activitiesUrl(), { token: client.token, body: { type: 'typing' } });
    expect(typing.status).toBe(200);
    const activities = await client.poll();
    expect(activities).toEqual([
      expect.objectContaining({ type: 'event', name: 'webchat/join', id: event.body.id, value: { page: '/' } }),
      expect.objectContaining({ type: 'typing', id: typing.body.id, from: expect.objectContaining({ role: 'user' }) }),
    ]);
  });

  test('reconnecting (GET /conversations/{id}?watermark=) returns a fresh token and a streamUrl from that watermark', async () => {
    const client = await DirectLineClient.start(running.url);
    const url = `${running.url}/v3/directline/conversations/${client.conversation.conversationId}?watermark=1`;
    const res = await call(url, { token: client.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ conversationId: client.conversation.conversationId, expires_in: 3600 });
    expect(res.body.token).not.toBe(client.token);
    expect(res.body.streamUrl).toContain('watermark=1');
    client.conversation = { ...client.conversation, token: res.body.token };
    await client.post('你好');
    expect(textsFrom(await client.poll(), 'bot')).toContain(TEXT.greeting);
  });

  test('POST /tokens/generate reserves a conversation that POST /conversations starts once', async () => {
    const generated = await call(`${running.url}/v3/directline/tokens/generate`, { method: 'POST' });
    expect(generated.status).toBe(200);
    expect(generated.body).toEqual({ conversationId: expect.any(String), token: expect.any(String), expires_in: 3600 });
    expect(decodeClaims(generated.body.token).user).toMatch(/^dl_/);

    // Not started yet: the conversation does not exist.
    const early = await call(`${running.url}/v3/directline/conversations/${generated.body.conversationId}/activities`, { token: generated.body.token });
    expect(early.status).toBe(404);

    const first = await DirectLineClient.start(running.url, generated.body.token);
    expect(first.conversation.conversationId).toBe(generated.body.conversationId);
    const again = await call(`${running.url}/v3/directline/conversations`, { method: 'POST', token: generated.body.token });
    expect(again.status).toBe(200);
    expect(again.body.conversationId).toBe(generated.body.conversationId);
    // One welcome only.
    expect(textsFrom(await first.poll(), 'bot')).toEqual([TEXT.welcome]);
  });

  test('POST /tokens/refresh issues a new token for the same conversation and user', async () => {
    const client = await DirectLineClient.start(running.url);
    const res = await call(`${running.url}/v3/directline/tokens/refresh`, { method: 'POST', token: client.token });
    expect(res.status).toBe(200);
    expect(res.body.conversationId).toBe(client.conversation.conversationId);
    expect(res.body.token).not.toBe(client.token);
    expect(decodeClaims(res.body.token).user).toBe(decodeClaims(client.token).user);
    const poll = await call(`${client.activitiesUrl()}?watermark=0`, { token: res.body.token });
    expect(poll.status).toBe(200);

    expect((await call(`${running.url}/v3/directline/tokens/refresh`, { method: 'POST' })).status).toBe(401);
    expect((await call(`${running.url}/v3/directline/tokens/refresh`, { method: 'POST', token: 'not-a-token' })).status).toBe(403);
  });

  describe('bad input gets a JSON 4xx and the server keeps serving', () => {
    let client: DirectLineClient;
    beforeAll(async () => {
      client = await DirectLineClient.start(running.url);
    });

    test.each([
      ['malformed JSON', 400, '{"type": "message", "text": '],
      ['a JSON array', 400, '[1, 2, 3]'],
      ['a JSON string', 400, '"hello"'],
      ['no type', 400, JSON.stringify({ text: '你好' })],
      ['an unsupported type', 400, JSON.stringify({ type: 'invoke', name: 'x' })],
      ['a non-string text', 400, JSON.stringify({ type: 'message', text: 42 })],
      ['too many attachments', 400, JSON.stringify({ type: 'message', attachments: new Array(11).fill({}) })],
      ['a body over 64 KB', 413, JSON.stringify({ type: 'message', text: '汇'.repeat(40000) })],
    ])('%s → %i', async (_label, status, rawBody) => {
      const res = await call(client.activitiesUrl(), { token: client.token, rawBody });
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ error: { status, message: expect.any(String) } });
    });

    test('a malformed start body and a malformed watermark are rejected', async () => {
      const start = await call(`${running.url}/v3/directline/conversations`, { rawBody: '{"user": ' });
      expect(start.status).toBe(400);
      const badLocale = await call(`${running.url}/v3/directline/conversations`, { body: { locale: 42 } });
      expect(badLocale.status).toBe(400);
      // In open mode the browser's user id is ignored, so an odd one (Web Chat's userID prop) does no harm.
      const oddUser = await call(`${running.url}/v3/directline/conversations`, { body: { user: { id: '王 敏' } } });
      expect(oddUser.status).toBe(201);
      expect(decodeClaims(oddUser.body.token).user).toMatch(/^dl_/);
      const poll = await call(`${client.activitiesUrl()}?watermark=abc`, { token: client.token });
      expect(poll.status).toBe(400);
      expect(poll.body.error.message).toContain('watermark');
    });

    test('a sender id the server cannot use is ignored, not fatal', async () => {
      await client.poll();
      const sent = await client.post('你好', { from: { id: '<script>', name: 42 } } as never);
      const [echo] = await client.poll();
      expect(echo).toMatchObject({ id: sent.id, from: { id: decodeClaims(client.token).user, role: 'user' } });
      expect(echo.from?.name).toBeUndefined();
    });

    test('long, emoji and injection-like texts are stored and answered like any other', async () => {
      await client.poll();
      const texts = ['🚀🚀 你好 😀', "'; DROP TABLE directline_activities; --", '<img src=x onerror=alert(1)>', '长'.repeat(3000)];
      for (const text of texts) await client.post(text);
      const activities = await client.poll();
      expect(textsFrom(activities, 'user')).toEqual(texts);
      expect(textsFrom(activities, 'bot')).toContain(TEXT.tooLong);
      const health = await call(`${running.url}/healthz`);
      expect(health.status).toBe(200);
    });
  });
});
