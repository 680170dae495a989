import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { directLineFeature } from '../../src/features/directline';
import type { Recognizer } from '../../src/nlu/types';
import type { Intent } from '../../src/domain/vocabulary';
import { fakeRecognizer } from '../helpers/testApp';

export { fakeRecognizer };

export function tempDbPath(): string {
  return path.join(os.tmpdir(), `huibot-dl-${randomUUID()}.db`);
}

export const TEST_RULES: Array<[RegExp | string, Intent]> = [
  [/^你好/, 'greeting'],
  ['我们属于哪一类', 'help'],
];

export interface RunningApp {
  app: App;
  url: string;
  dbPath: string;
  close(): Promise<void>;
}

/** The whole bot with only the Direct Line feature, listening on a random port. */
export async function startDirectLineApp(
  options: { dbPath?: string; env?: Record<string, string>; recognizer?: Recognizer } = {},
): Promise<RunningApp> {
  const dbPath = options.dbPath ?? tempDbPath();
  const config = loadConfig({ DB_PATH: dbPath, LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...options.env });
  const app = await createApp(config, { features: [directLineFeature], recognizer: options.recognizer ?? fakeRecognizer(TEST_RULES) });
  const url = await app.listen(0, '127.0.0.1');
  return { app, url, dbPath, close: () => app.close() };
}

export interface JsonResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A JSON call against the running app. */
export async function call<T = any>(
  url: string,
  init: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.rawBody !== undefined) body = init.rawBody;
  else if (init.body !== undefined) body = JSON.stringify(init.body);
  if (body !== undefined && !headers['Content-Type']) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, { method: init.method ?? (body !== undefined ? 'POST' : 'GET'), headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: keep the text for the assertion message.
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export interface Conversation {
  conversationId: string;
  token: string;
  streamUrl: string;
}

/** A Direct Line client as botframework-directlinejs drives it, over plain HTTP. */
export class DirectLineClient {
  watermark = '';
  readonly seen: Partial<Activity>[] = [];

  constructor(
    readonly base: string,
    public conversation: Conversation,
  ) {}

  static async start(appUrl: string, token?: string): Promise<DirectLineClient> {
    const base = `${appUrl}/v3/directline`;
    const res = await call<Conversation>(`${base}/conversations`, { method: 'POST', token });
    if (res.status !== 201 && res.status !== 200) throw new Error(`start failed: ${res.status} ${JSON.stringify(res.body)}`);
    return new DirectLineClient(base, res.body);
  }

  get token(): string {
    return this.conversation.token;
  }

  activitiesUrl(): string {
    return `${this.base}/conversations/${this.conversation.conversationId}/activities`;
  }

  async post(text: string, extra: Partial<Activity> = {}): Promise<{ id: string; clientActivityID: string }> {
    const clientActivityID = randomUUID();
    const res = await call<{ id: string }>(this.activitiesUrl(), {
      token: this.token,
      body: { type: 'message', text, from: { id: 'web-user', name: '测试用户' }, channelData: { clientActivityID }, ...extra },
    });
    if (res.status !== 200) throw new Error(`post failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id, clientActivityID };
  }

  /** One poll from the current watermark; remembers what it got. */
  async poll(): Promise<Partial<Activity>[]> {
    const res = await call<{ activities: Partial<Activity>[]; watermark: string }>(
      `${this.activitiesUrl()}?watermark=${encodeURIComponent(this.watermark)}`,
      { token: this.token },
    );
    if (res.status !== 200) throw new Error(`poll failed: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.watermark) this.watermark = res.body.watermark;
    this.seen.push(...res.body.activities);
    return res.body.activities;
  }

  /** Polls until `predicate` holds for a new activity (or fails after `timeoutMs`). */
  async waitFor(predicate: (a: Partial<Activity>) => boolean, timeoutMs = 10000): Promise<Partial<Activity>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.poll()).find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching activity; seen: ${JSON.stringify(this.seen.map((a) => a.text ?? a.type))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export function textsFrom(activities: Partial<Activity>[], role: 'bot' | 'user'): string[] {
  return activities.filter((a) => a.type === 'message' && a.from?.role === role).map((a) => a.text ?? '');
}
