import http from 'node:http';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { tempDbPath } from '../helpers/testApp';
import { call, startServer, type RunningServer } from './server';

/** A local HTTP endpoint that records what the bot posts to it (a stand-in for an internal service). */
function recorder(): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json');
    res.end('{"id":"1"}');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, hits, close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    }),
  );
}

function activity(serviceUrl: string, type = 'message', extra: Record<string, unknown> = {}) {
  return {
    type,
    id: `a-${Math.random()}`,
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: `c-${Date.now()}-${Math.random()}` },
    from: { id: 'u1', name: 'user' },
    recipient: { id: 'bot', name: 'bot' },
    text: '你好',
    ...extra,
  };
}

/** Finding 4 (/api/messages relays to any serviceUrl) and the invoke half of finding 5. */
describe('/api/messages is safe by default', () => {
  jest.setTimeout(120000);
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  test('without app credentials a non-loopback serviceUrl is refused before the bot runs', async () => {
    for (const serviceUrl of ['http://10.0.0.5/internal-admin', 'https://example.com/', 'http://169.254.169.254/latest', 'file:///etc/passwd', 'not a url']) {
      const res = await call(`${server.url}/api/messages`, { body: activity(serviceUrl) });
      expect({ serviceUrl, status: res.status }).toEqual({ serviceUrl, status: 403 });
    }
  });

  test('a loopback serviceUrl (the Emulator) is still answered', async () => {
    const emulator = await recorder();
    try {
      const res = await call(`${server.url}/api/messages`, { body: activity(`${emulator.url}/emulator`) });
      expect(res.status).toBeLessThan(300);
      for (let i = 0; i < 50 && emulator.hits.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(emulator.hits[0]).toMatch(/^POST \/emulator\/v3\/conversations\//);
    } finally {
      await emulator.close();
    }
  });

  test('an invoke activity gets a defined answer (200 with a message), not 501', async () => {
    const res = await call(`${server.url}/api/messages`, { body: activity('http://127.0.0.1:9', 'invoke', { name: 'adaptiveCard/action' }) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
  });
});

describe('configuration switches', () => {
  jest.setTimeout(120000);

  test('ALLOW_ANONYMOUS_SERVICE_URLS lets an operator accept other serviceUrls on purpose', async () => {
    const server = await startServer({ ALLOW_ANONYMOUS_SERVICE_URLS: 'true', BOTFRAMEWORK_ENABLED: 'true' });
    try {
      const res = await call(`${server.url}/api/messages`, { body: activity('http://192.0.2.1:9/') });
      expect(res.status).not.toBe(403);
    } finally {
      await server.stop();
    }
  });

  test('NODE_ENV=production without MicrosoftAppId refuses to start, unless the endpoint is off', async () => {
    const root = path.resolve(__dirname, '../..');
    const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'src/index.ts'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', MicrosoftAppId: '', PORT: '0', HOST: '127.0.0.1', DB_PATH: tempDbPath() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    // A server that starts anyway is killed, not left running, and the test fails.
    const guard = setTimeout(() => child.kill('SIGKILL'), 30000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(guard);
    expect(code).toBe(2);
    expect(err).toContain('MicrosoftAppId');
    expect(err).toContain('BOTFRAMEWORK_ENABLED');

    const off = await startServer({ NODE_ENV: 'production', MicrosoftAppId: '', BOTFRAMEWORK_ENABLED: 'false' });
    try {
      expect((await call(`${off.url}/healthz`)).status).toBe(200);
      expect((await call(`${off.url}/api/messages`, { body: activity('http://127.0.0.1:9') })).status).toBe(404);
    } finally {
      await off.stop();
    }
  });
});
