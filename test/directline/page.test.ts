import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { TEXT } from '../../dialogs/messages';
import { call, DirectLineClient, startDirectLineApp, textsFrom, type RunningApp } from './harness';

const BUNDLE = path.join(__dirname, '..', '..', 'node_modules', 'botframework-webchat', 'dist', 'webchat.js');

/** A raw GET (fetch would transparently gunzip and hide Content-Encoding). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('chat page, assets and the page token endpoint', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startDirectLineApp();
  });
  afterAll(() => running.close());

  test('GET / is the zh-CN chat page, loading Web Chat from this server only', async () => {
    const res = await fetch(`${running.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('苏州工业园区 专精特新“汇计划”助手');
    expect(html).toContain('<script src="/static/webchat.js"></script>');
    // Nothing from a CDN: every script and stylesheet is a path on this server.
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//);
  });

  test('/static/webchat.js is the installed bundle, gzipped when asked, revalidated by ETag', async () => {
    const plain = await rawGet(`${running.url}/static/webchat.js`);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(plain.body.equals(fs.readFileSync(BUNDLE))).toBe(true);

    const gzipped = await rawGet(`${running.url}/static/webchat.js`, { 'Accept-Encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 2);

    const again = await rawGet(`${running.url}/static/webchat.js`, { 'If-None-Match': String(plain.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    for (const asset of ['huibot-chat.js', 'huibot-chat.css']) expect((await rawGet(`${running.url}/static/${asset}`)).status).toBe(200);
    expect((await rawGet(`${running.url}/static/stats.json`)).status).toBe(404);
  });

  test('the token endpoint gives a new conversation, then resumes it from the stored token', async () => {
    const fresh = await call(`${running.url}/api/webchat/token`, { method: 'POST' });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('cache-control')).toBe('no-store');
    expect(fresh.body).toEqual({ token: expect.any(String), conversationId: expect.any(String), expires_in: 3600, resumed: false });

    const client = await DirectLineClient.start(running.url, fresh.body.token);
    await client.post('你好');

    const resumed = await call(`${running.url}/api/webchat/token`, { body: { resume: fresh.body.token } });
    expect(resumed.body).toMatchObject({ conversationId: fresh.body.conversationId, resumed: true });
    const back = new DirectLineClient(`${running.url}/v3/directline`, { ...client.conversation, token: resumed.body.token });
    expect(textsFrom(await back.poll(), 'bot')).toEqual([TEXT.welcome, TEXT.greeting]);

    for (const resume of ['garbage', 42, '']) {
      const res = await call(`${running.url}/api/webchat/token`, { body: { resume } });
      expect(res.status).toBe(200);
      expect(res.body.resumed).toBe(false);
      expect(res.body.conversationId).not.toBe(fresh.body.conversationId);
    }
    expect((await call(`${running.url}/api/webchat/token`, { rawBody: '{bad json' })).status).toBe(400);
  });
});
