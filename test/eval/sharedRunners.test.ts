/**
 * The shared dev sets, run exactly as the outside checks run them: the real bot (recognizer,
 * dialogs, knowledge, SQLite, demo activities) listening on a port, and the shared runners in
 * eval/shared/ talking to it over Direct Line as a separate Node process. Every case must pass.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { removeDb, tempDbPath } from '../helpers/testApp';

const SHARED = path.resolve(__dirname, '..', '..', 'eval', 'shared');
jest.setTimeout(240_000);

let app: App;
let url: string;
const dbPath = tempDbPath();

beforeAll(async () => {
  const config = loadConfig({ DB_PATH: dbPath, LOG_LEVEL: 'silent', SEED_DEMO: 'true', DIRECTLINE_RATE_LIMIT_PER_MINUTE: '100000' });
  app = await createApp(config);
  url = await app.listen(0, '127.0.0.1');
});

afterAll(async () => {
  await app?.close();
  removeDb(dbPath);
});

/** Runs a runner script against the bot; resolves with its exit code and output. */
function runner(script: string, cases: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(SHARED, script), url, path.join(SHARED, cases)], {
      env: { ...process.env, QA_MIN: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, output }));
  });
}

test('dev.jsonl: every question answered as the outside check expects', async () => {
  const { code, output } = await runner('run-qa.mjs', 'dev.jsonl');
  expect({ code, failures: output.split('\n').filter((l) => l.startsWith('FAIL')) }).toEqual({ code: 0, failures: [] });
});

test('dev-dialogs.jsonl: every scenario reaches its goal', async () => {
  const { code, output } = await runner('run-dialogs.mjs', 'dev-dialogs.jsonl');
  expect({ code, failures: output.split('\n').filter((l) => l.startsWith('FAIL')) }).toEqual({ code: 0, failures: [] });
});
