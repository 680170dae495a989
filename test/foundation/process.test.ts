import { exited, startServer } from '../helpers/serverProcess';
import { startReplyListener, messageActivity, postJson, tempDbPath } from '../helpers/testApp';

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

    const first = await startServer({}, dbPath);
    cleanups.push(() => first.child.kill('SIGKILL'));
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    await postJson(`${first.url}/api/messages`, messageActivity(listener.serviceUrl, conversation, '我们属于哪一类？'));
    const [question] = await listener.waitFor(1);
    expect(question.body.text).toMatch(/荣誉|称号|级别/);

    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await startServer({}, dbPath);
    cleanups.push(() => second.child.kill('SIGKILL'));
    await postJson(`${second.url}/api/messages`, messageActivity(listener.serviceUrl, conversation, '市级专精特新'));
    const replies = await listener.waitFor(2);
    expect(replies[1].body.text).toMatch(/二类/);

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0); // graceful shutdown ends cleanly
  });

  test('a wrong configuration value stops the start with a message naming the variable', async () => {
    await expect(startServer({ PORT: 'not-a-port' })).rejects.toThrow(/server exited with [1-9]\d*:[\s\S]*PORT/);
  });
});
