import WebSocket from 'ws';
import type { Activity } from 'botbuilder';
import { TEXT } from '../../dialogs/messages';
import { DirectLineClient, startDirectLineApp, textsFrom, type RunningApp } from './harness';

interface Frame {
  activities: Partial<Activity>[];
  watermark: string;
}

/** A stream client that collects frames and can wait for the activities it expects. */
function openStream(url: string): Promise<{ ws: WebSocket; activities: Partial<Activity>[]; frames: Frame[]; waitFor(count: number): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const frames: Frame[] = [];
    const activities: Partial<Activity>[] = [];
    const waiters: Array<() => void> = [];
    ws.on('message', (data) => {
      const text = data.toString();
      if (!text) return;
      const frame = JSON.parse(text) as Frame;
      frames.push(frame);
      activities.push(...frame.activities);
      waiters.splice(0).forEach((w) => w());
    });
    ws.on('open', () =>
      resolve({
        ws,
        frames,
        activities,
        async waitFor(count: number) {
          const deadline = Date.now() + 10000;
          while (activities.length < count) {
            if (Date.now() > deadline) throw new Error(`expected ${count} streamed activities, got ${JSON.stringify(activities.map((a) => a.text))}`);
            await new Promise<void>((r) => {
              waiters.push(r);
              setTimeout(r, 200);
            });
          }
        },
      }),
    );
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

describe('Direct Line WebSocket stream', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startDirectLineApp();
  });
  afterAll(() => running.close());

  test('the streamUrl first sends the history, then pushes the echo and the replies as they are stored', async () => {
    const client = await DirectLineClient.start(running.url);
    const stream = await openStream(client.conversation.streamUrl);
    await stream.waitFor(1);
    expect(stream.activities[0]).toMatchObject({ text: TEXT.welcome, from: { role: 'bot' } });
    expect(stream.frames[0].watermark).toBe('1');

    const sent = await client.post('你好');
    await stream.waitFor(3);
    expect(stream.activities[1]).toMatchObject({ id: sent.id, channelData: { clientActivityID: sent.clientActivityID } });
    expect(stream.activities[2]).toMatchObject({ replyToId: sent.id, text: TEXT.greeting });
    expect(stream.frames[stream.frames.length - 1].watermark).toBe('3');
    // Client keep-alives (empty frames) are harmless.
    stream.ws.send('');
    await running.app.services.proactive.send(`directline|${client.conversation.conversationId}`, '新的活动已发布。');
    await stream.waitFor(4);
    expect(stream.activities[3].text).toBe('新的活动已发布。');
    stream.ws.close();
  });

  test('a reconnect stream starts after the watermark it was asked for', async () => {
    const client = await DirectLineClient.start(running.url);
    await client.post('你好');
    const res = await fetch(`${running.url}/v3/directline/conversations/${client.conversation.conversationId}?watermark=2`, {
      headers: { Authorization: `Bearer ${client.token}` },
    });
    const { streamUrl } = (await res.json()) as { streamUrl: string };
    const stream = await openStream(streamUrl);
    await stream.waitFor(1);
    expect(textsFrom(stream.activities, 'bot')).toEqual([TEXT.greeting]);
    stream.ws.close();
  });

  test('a stream URL with a wrong or missing token, or for another conversation, is refused', async () => {
    const a = await DirectLineClient.start(running.url);
    const b = await DirectLineClient.start(running.url);
    const url = new URL(a.conversation.streamUrl);
    url.searchParams.set('t', 'forged');
    await expect(openStream(url.toString())).rejects.toThrow('HTTP 403');
    url.searchParams.delete('t');
    await expect(openStream(url.toString())).rejects.toThrow('HTTP 403');
    const crossed = new URL(b.conversation.streamUrl);
    crossed.pathname = new URL(a.conversation.streamUrl).pathname;
    await expect(openStream(crossed.toString())).rejects.toThrow('HTTP 403');
    // The conversation token is not a stream token either.
    url.searchParams.set('t', a.token);
    await expect(openStream(url.toString())).rejects.toThrow('HTTP 403');
  });

  test('closing the app does not wait for open streams', async () => {
    const own = await startDirectLineApp();
    const client = await DirectLineClient.start(own.url);
    const stream = await openStream(client.conversation.streamUrl);
    const closed = new Promise<number>((resolve) => stream.ws.on('close', (code) => resolve(code)));
    await own.close();
    expect(await closed).toBe(1001);
  });
});
