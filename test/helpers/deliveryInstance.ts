/**
 * One bot instance as a child process for the multi-instance tests (test/storage/postgres): the web
 * chat feature on DATABASE_URL, with the delivery policy the parent passes as JSON in
 * HUIBOT_TEST_DELIVERY_POLICY (a short lease, small batches). Prints its URL once listening.
 */
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { directLineFeature } from '../../src/features/directline';
import type { LanePolicy } from '../../src/delivery';
import { fakeRecognizer } from './testApp';

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const policyOverrides = JSON.parse(process.env.HUIBOT_TEST_DELIVERY_POLICY ?? '{}') as Partial<LanePolicy>;
  const app = await createApp(config, { features: [directLineFeature], recognizer: fakeRecognizer(), delivery: { policyOverrides } });
  const url = await app.listen(0, '127.0.0.1');
  process.stdout.write(`listening ${url}\n`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
