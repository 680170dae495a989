/**
 * npm run fuzz [-- --count 10000 --seed 1]: starts the real server (a fresh database, demo data,
 * an admin token) and sends generated requests over every route (test/hardening/fuzzer.ts).
 * Fails when any answer is ≥ 500 or missing, /healthz stops answering, or the process dies.
 */
import { call, health, startServer } from '../test/hardening/server';
import { runFuzz } from '../test/hardening/fuzzer';

const ADMIN_TOKEN = 'fuzz-admin-token-0123456789abcdef';

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

async function main(): Promise<void> {
  const count = arg('count', 10_000);
  const seed = arg('seed', Date.now() % 100_000);
  const server = await startServer({ ADMIN_TOKENS: `fuzz:admin:${ADMIN_TOKEN}`, SEED_DEMO: 'true', TRUST_PROXY: 'loopback' });
  try {
    const start = await call(`${server.url}/v3/directline/conversations`, { body: {} });
    const started = Date.now();
    const report = await runFuzz({
      port: server.port,
      count,
      seed,
      concurrency: 8,
      creds: { adminToken: ADMIN_TOKEN, conversationId: start.body.conversationId, conversationToken: start.body.token },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const alive = server.child.exitCode === null && server.child.signalCode === null;
    const final = await health(server.url);
    console.log(`seed ${seed}: ${report.sent} requests over ${report.routes} routes in ${seconds} s`);
    console.log(`statuses: ${JSON.stringify(report.byStatus)}`);
    console.log(`slowest /healthz during the run: ${report.slowestHealthMs} ms; after: ${final.status} in ${final.ms} ms; process alive: ${alive}`);
    for (const failure of report.failures.slice(0, 20)) console.log(`FAIL ${failure.status}: ${JSON.stringify(failure.request)}`);
    if (report.failures.length || report.slowestHealthMs < 0 || final.status !== 200 || !alive) {
      console.log(`${report.failures.length} failures`);
      process.exitCode = 1;
    }
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
