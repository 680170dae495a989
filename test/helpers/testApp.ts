import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { createApp, type App, type AppOptions } from '../../src/app';
import type { FeatureSet } from '../../src/contracts/feature';
import { loadConfig } from '../../src/config';
import type { Entities, Recognition, Recognizer } from '../../src/nlu/types';
import type { Intent } from '../../src/domain/vocabulary';
import { creditCodeCheckChar, CREDIT_CODE_CHARSET } from '../../src/activities/validation/creditCode';

export function tempDbPath(): string {
  return path.join(os.tmpdir(), `huibot-test-${randomUUID()}.db`);
}

export function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

/** A rule of the fake recognizer: exact text or regex → intent (and entities). */
export type FakeRule = [RegExp | string, Intent, Entities?];

/** A recognizer that maps exact texts (or regexes) to intents; everything else is 'none'. */
export function fakeRecognizer(rules: FakeRule[] = []): Recognizer {
  return {
    async recognize(text: string): Promise<Recognition> {
      const rule = rules.find(([pattern]) => (typeof pattern === 'string' ? pattern === text : pattern.test(text)));
      return { text, normalized: text, intent: rule ? rule[1] : 'none', intentScore: rule ? 1 : 0, entities: rule?.[2] ?? {}, candidates: [] };
    },
  };
}

/** A valid 统一社会信用代码 derived from a number (different numbers, different codes). */
export function creditCode(n: number): string {
  let body = '';
  let rest = n;
  for (let i = 0; i < 9; i++) {
    body = CREDIT_CODE_CHARSET[rest % 31] + body;
    rest = Math.floor(rest / 31);
  }
  const first17 = `91320594${body}`;
  return first17 + creditCodeCheckChar(first17);
}

/**
 * The app on a fresh database, listening on a free port; no features unless given (a list, or a
 * composer whose typed features the app then offers, e.g. `app.features.activities.module`).
 */
export async function startTestApp<S extends FeatureSet = FeatureSet>(
  options: AppOptions<S> & { dbPath?: string; env?: Record<string, string> } = {},
): Promise<{ app: App<S>; url: string; dbPath: string }> {
  const dbPath = options.dbPath ?? tempDbPath();
  const config = loadConfig({ DB_PATH: dbPath, LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...options.env });
  // The features the app runs are those of `options` (or none): S describes them.
  const app = (await createApp(config, { features: [], recognizer: fakeRecognizer(), ...options })) as App<S>;
  const url = await app.listen(0, '127.0.0.1');
  return { app, url, dbPath };
}

export interface CapturedReply {
  method: string;
  url: string;
  body: { text?: string; type?: string; replyToId?: string; suggestedActions?: { actions: Array<{ title: string }> } };
}

/**
 * A local HTTP listener that plays the Bot Framework channel (like the Emulator): it receives
 * the bot's replies at /v3/conversations/{id}/activities/{replyToId}.
 */
export async function startReplyListener(): Promise<{
  serviceUrl: string;
  replies: CapturedReply[];
  waitFor(count: number, timeoutMs?: number): Promise<CapturedReply[]>;
  close(): Promise<void>;
}> {
  const replies: CapturedReply[] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      replies.push({ method: req.method ?? '', url: req.url ?? '', body: data ? JSON.parse(data) : {} });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    serviceUrl: `http://127.0.0.1:${port}`,
    replies,
    async waitFor(count, timeoutMs = 10000) {
      const deadline = Date.now() + timeoutMs;
      while (replies.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} replies, got ${replies.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return replies;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let counter = 0;
/** A message activity as a Bot Framework channel would POST it to /api/messages. */
export function messageActivity(serviceUrl: string, conversationId: string, text: string, userId = 'user-1') {
  counter++;
  return {
    type: 'message',
    id: `act-${counter}-${randomUUID().slice(0, 8)}`,
    text,
    locale: 'zh-CN',
    channelId: 'emulator',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: userId, name: '测试用户' },
    recipient: { id: 'huibot', name: '汇计划助手' },
    conversation: { id: conversationId },
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}
