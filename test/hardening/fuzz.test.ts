import { call, health, startServer, type RunningServer } from './server';
import { discoverRoutes, runFuzz } from './fuzzer';

const ADMIN_TOKEN = 'fuzz-admin-token-0123456789abcdef';

/** A seeded slice of `npm run fuzz` (which sends ≥ 10,000): no 5xx, no hang, the process alive. */
describe('fuzzing every route', () => {
  jest.setTimeout(240000);
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ ADMIN_TOKENS: `fuzz:admin:${ADMIN_TOKEN}`, SEED_DEMO: 'true', TRUST_PROXY: 'loopback' });
  });
  afterAll(() => server?.stop());

  test('the route list covers the web chat, Direct Line, Bot Framework and console APIs', () => {
    const paths = discoverRoutes().map((r) => `${r.method} ${r.path}`);
    for (const expected of ['POST /api/messages', 'POST /v3/directline/conversations/:conversationId/activities', 'POST /api/webchat/token', 'GET /admin/api/me', 'POST /admin/api/activities']) {
      expect(paths).toContain(expected);
    }
  });

  test('800 generated requests (seed 16): no response ≥ 500, /healthz answering throughout', async () => {
    const start = await call(`${server.url}/v3/directline/conversations`, { body: {} });
    const report = await runFuzz({
      port: server.port,
      count: 800,
      seed: 16,
      concurrency: 4,
      creds: { adminToken: ADMIN_TOKEN, conversationId: start.body.conversationId, conversationToken: start.body.token },
    });
    console.log(`fuzz: ${report.sent} requests over ${report.routes} routes, statuses ${JSON.stringify(report.byStatus)}, slowest /healthz ${report.slowestHealthMs} ms`);
    expect(report.failures).toEqual([]);
    expect(report.slowestHealthMs).toBeGreaterThanOrEqual(0);
    expect(server.child.exitCode).toBeNull();
    expect((await health(server.url)).status).toBe(200);
  });
});
