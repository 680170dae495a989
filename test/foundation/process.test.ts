import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startReplyListener, messageActivity, postJson, tempDbPath } from '../helpers/testApp';

const ROOT = path.resolve(__dirname, '../..');

/** Starts `src/index.ts` as a real process (what `npm start` runs) and resolves with its URL. */
function startServer(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'src/index.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DB_PATH: dbPath, LOG_LEVEL: 'warn', SEED_DEMO: 'false', WECHATY_PUPPET: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/http:\/\/127\.0\.0\.1:(\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[0] });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

describe('the real server process', () => {
  jest.setTimeout(90000);
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  test('kill -9 in the middle of a conversation, start again: the dialog continues from its last step', async () => {
    const dbPath = tempDbPath();
    const listener = await startReplyListener();
    cleanups.push(() => listener.close());
    const conversation = `conv-kill-${Date.now()}`;

    const first = await startServer(dbPath);
    cleanups.push(() => first.child.kill('SIGKILL'));
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    await postJson(`${first.url}/api/messages`, messageActivity(listener.serviceUrl, conversation, '我们属于哪一类？'));
    const [question] = await listener.waitFor(1);
    expect(question.body.text).toMatch(/荣誉|称号|级别/);

    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await startServer(dbPath);
    cleanups.push(() => second.child.kill('SIGKILL'));
    await postJson(`${second.url}/api/messages`, messageActivity(listener.serviceUrl, conversation, '市级专精特新'));
    const replies = await listener.waitFor(2);
    expect(replies[1].body.text).toMatch(/二类/);

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0); // graceful shutdown ends cleanly
  });

  test('a wrong configuration value stops the start with a message naming the variable', async () => {
    const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'src/index.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'not-a-port', DB_PATH: tempDbPath() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    expect(await exited(child)).not.toBe(0);
    expect(err).toContain('PORT');
  });
});
