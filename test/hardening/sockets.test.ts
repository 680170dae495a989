import net from 'node:net';
import { call, health, nestedJson, pool, rawRequest, startServer, upgradeRequest, type RunningServer } from './server';

/**
 * Finding 1 (sockets left open by ignored or malformed upgrades exhaust the descriptors) and
 * finding 5 (deeply nested JSON → 500), against the real server process.
 */
describe('no request can wedge the server', () => {
  jest.setTimeout(120000);
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ HTTP_MAX_CONNECTIONS_PER_CLIENT: '50', HTTP_IDLE_TIMEOUT_SECONDS: '3', HTTP_HEADERS_TIMEOUT_SECONDS: '3' });
  });
  afterAll(() => server?.stop());

  test('every bad upgrade gets a status and is closed: other paths, malformed stream URLs, unparsable targets', async () => {
    const cases: Array<[string, string]> = [
      ['/not-a-stream', '404'],
      ['/healthz', '404'],
      ['/v3/directline/conversations/%E0%A4%A/stream', '400'],
      ['http://[/x', '404'],
      ['/v3/directline/conversations/abc/stream?t=forged', '403'],
    ];
    for (const [target, status] of cases) {
      const answer = await rawRequest(server.port, upgradeRequest(target));
      expect({ target, closed: answer.closed, status: answer.statusLine.split(' ')[1] }).toEqual({ target, closed: true, status });
    }
  });

  test('unparsable request targets on ordinary requests are a 4xx, not a hung socket', async () => {
    for (const target of ['http://[/x', '/v3/directline/conversations/%E0%A4%A/activities', '//']) {
      const answer = await rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(answer.closed).toBe(true);
      expect(answer.statusLine).toMatch(/^HTTP\/1\.1 4\d\d /);
    }
  });

  test('thousands of bad upgrades and half-open connections from 20 addresses: /healthz still answers within 1 s', async () => {
    const attackers = Array.from({ length: 20 }, (_, i) => `127.0.0.${i + 2}`);
    const targets = ['/x', '/v3/directline/conversations/%E0%A4%A/stream', 'http://[/x', '/v3/directline/conversations/a/stream'];
    // Half-open: connections that send half a request line and then nothing.
    const halfOpen: net.Socket[] = [];
    for (let i = 0; i < 600; i++) {
      const socket = net.connect({ port: server.port, host: '127.0.0.1', localAddress: attackers[i % attackers.length] });
      socket.on('error', () => undefined);
      socket.on('connect', () => socket.write('GET /healthz HTTP/1.1\r\nHost'));
      halfOpen.push(socket);
    }
    const requests = Array.from({ length: 3000 }, (_, i) => ({ target: targets[i % targets.length], from: attackers[i % attackers.length] }));
    const started = Date.now();
    const answers = await pool(requests, 300, (r) => rawRequest(server.port, upgradeRequest(r.target), { localAddress: r.from, waitMs: 10000 }));
    const bursts = Date.now() - started;
    // Every bad upgrade was answered or refused, and its socket closed by the server.
    expect(answers.filter((a) => !a.closed)).toHaveLength(0);
    const during = await health(server.url);
    expect(during.status).toBe(200);
    expect(during.ms).toBeLessThan(1000);
    // Idle half-open sockets are closed by the server on its own.
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect(halfOpen.filter((s) => !s.destroyed && !s.readableEnded).length).toBeLessThan(halfOpen.length / 10);
    halfOpen.forEach((s) => s.destroy());
    const after = await health(server.url);
    expect(after.status).toBe(200);
    expect(after.ms).toBeLessThan(1000);
    expect(server.child.exitCode).toBeNull();
    console.log(`3000 bad upgrades + 600 half-open sockets in ${bursts} ms; /healthz during ${during.ms} ms, after ${after.ms} ms`);
  });

  test('one client cannot hold more than its share of connections', async () => {
    const sockets: net.Socket[] = [];
    const closedEarly = await Promise.all(
      Array.from({ length: 80 }, () => {
        const socket = net.connect({ port: server.port, host: '127.0.0.1', localAddress: '127.0.0.99' });
        sockets.push(socket);
        socket.on('error', () => undefined);
        return new Promise<boolean>((resolve) => {
          socket.on('close', () => resolve(true));
          setTimeout(() => resolve(false), 1000);
        });
      }),
    );
    expect(closedEarly.filter(Boolean).length).toBeGreaterThanOrEqual(30);
    expect((await health(server.url)).status).toBe(200);
    sockets.forEach((s) => s.destroy());
  });

  test('deeply nested JSON is a clear 400 on every JSON route, never a 500', async () => {
    const start = await call(`${server.url}/v3/directline/conversations`, { body: {} });
    expect(start.status).toBe(201);
    const auth = { Authorization: `Bearer ${start.body.token}` };
    const activities = `${server.url}/v3/directline/conversations/${start.body.conversationId}/activities`;
    for (const depth of [100, 5000, 20000]) {
      const nested = nestedJson(depth);
      for (const field of ['value', 'channelData']) {
        const res = await call(activities, { raw: `{"type":"message","text":"hi","${field}":${nested}}`, headers: auth });
        expect({ depth, field, status: res.status }).toEqual({ depth, field, status: depth * 6 > 64 * 1024 ? 413 : 400 });
      }
      const messages = await call(`${server.url}/api/messages`, { raw: `{"type":"message","conversation":{"id":"c"},"serviceUrl":"http://127.0.0.1:9","value":${nested}}` });
      expect(messages.status).toBeGreaterThanOrEqual(400);
      expect(messages.status).toBeLessThan(500);
    }
    const wide = await call(activities, { raw: `{"type":"message","text":"hi","value":${nestedJson(40)}}`, headers: auth });
    expect(wide.status).toBe(400);
    expect(wide.body.error.message).toMatch(/nested/);
    expect((await call(activities, { body: { type: 'message', text: '你好', value: { a: { b: [1, 2, { c: 3 }] } } }, headers: auth })).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });
});
