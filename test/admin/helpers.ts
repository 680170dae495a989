import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { TestAdapter, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createBotFeatures, type BotFeatures } from '../../src/features';
import type { ProactiveChannel } from '../../src/delivery/proactive';
import type { WorkerOptions } from '../../src/delivery/worker';
import type { AdminModuleOptions } from '../../src/admin';
import type { AdminModule } from '../../src/admin';
import type { ActivitiesModule } from '../../src/activities';
import type { Recognizer } from '../../src/nlu/types';
import { creditCode, fakeRecognizer as sharedFakeRecognizer, removeDb, type FakeRule as Rule } from '../helpers/testApp';
import { RecordingChannel } from '../helpers/recordingChannel';

export { RecordingChannel };

export { creditCode, removeDb };

export const TOKENS = {
  admin: 'admin-token-0123456789abcdef',
  editor: 'editor-token-0123456789abcdef',
  viewer: 'viewer-token-0123456789abcdef',
};
export const ADMIN_TOKENS_ENV = `alice:admin:${TOKENS.admin},bob:editor:${TOKENS.editor},vera:viewer:${TOKENS.viewer}`;

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;


/** What the real recognizer is expected to return for the phrases these tests use. */
export const RULES: Rule[] = [
  [/^订阅(活动)?通知$/, 'subscribe'],
  ['订阅沙龙通知', 'subscribe', { activityType: 'salon' }],
  ['退订', 'unsubscribe'],
  [/^(转人工|联系服务专员)$/, 'handoff'],
  [/^报名[:：]/, 'sign_up'],
  ['你好', 'greeting'],
];

export function fakeRecognizer(rules: Rule[] = RULES): Recognizer {
  return sharedFakeRecognizer(rules);
}

export function tempDbPath(): string {
  return path.join(os.tmpdir(), `huibot-admin-${randomUUID()}.db`);
}

export interface RunningAdminApp {
  app: App<BotFeatures>;
  url: string;
  api: string;
  dbPath: string;
  admin: AdminModule;
  activities: ActivitiesModule;
  channel: RecordingChannel;
  close(options?: { keepDb?: boolean }): Promise<void>;
}

/**
 * The whole bot with the real features (the console feature with the test's options), a
 * recognizer for the test phrases, and a recording proactive channel for conversations on 'test'.
 */
export async function startAdminApp(
  options: { dbPath?: string; env?: Record<string, string>; admin?: AdminModuleOptions; delivery?: WorkerOptions; channel?: RecordingChannel; rules?: Rule[] } = {},
): Promise<RunningAdminApp> {
  const dbPath = options.dbPath ?? tempDbPath();
  const config = loadConfig({ DB_PATH: dbPath, LOG_LEVEL: 'silent', SEED_DEMO: 'false', ADMIN_TOKENS: ADMIN_TOKENS_ENV, ...options.env });
  const adminOptions: AdminModuleOptions = { ...options.admin };
  const delivery: WorkerOptions = { ...options.delivery, policyOverrides: { retryBaseMs: 20, retryMaxMs: 100, ...options.delivery?.policyOverrides } };
  const app = await createApp(config, { features: (services) => createBotFeatures(services, { admin: adminOptions }), recognizer: fakeRecognizer(options.rules), delivery });
  const channel = options.channel ?? new RecordingChannel();
  app.services.proactive.registerChannel('test', channel);
  const url = await app.listen(0, '127.0.0.1');
  return {
    app,
    url,
    api: `${url}/admin/api`,
    dbPath,
    admin: app.features.admin.module,
    activities: app.features.activities.module,
    channel,
    async close({ keepDb = false } = {}) {
      await app.close();
      if (!keepDb) removeDb(dbPath);
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** One console API call with a bearer token. */
export async function api<T = any>(
  url: string,
  options: { token?: string; method?: string; body?: unknown; raw?: string } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, { method: options.method ?? (body !== undefined ? 'POST' : 'GET'), headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // CSV and other non-JSON bodies stay text.
  }
  return { status: res.status, body: parsed as T, text, headers: res.headers };
}

/** A chat user on channel 'test' talking to the app's real bot (every feature's dialogs). */
export class ChatUser {
  private readonly adapter: TestAdapter;

  constructor(
    app: App,
    readonly userId: string,
    readonly conversationId = `conv-${userId}`,
  ) {
    this.adapter = new TestAdapter((context) => app.runtime.bot.run(context), {
      channelId: 'test',
      serviceUrl: 'https://test.invalid',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: userId, name: userId },
      recipient: { id: 'huibot', name: '汇计划助手' },
      locale: 'zh-CN',
    } as Partial<Activity>);
  }

  get refKey(): string {
    return `test|${this.conversationId}`;
  }

  /** Sends a message; resolves with the replies of that turn, rendered as text. */
  async say(text: string): Promise<string> {
    this.adapter.activeQueue.splice(0);
    await this.adapter.receiveActivity(text);
    return this.adapter.activeQueue.splice(0).map(render).join('\n---\n');
  }
}

export function render(activity: Partial<Activity>): string {
  const parts: string[] = [];
  if (activity.text) parts.push(activity.text);
  for (const action of activity.suggestedActions?.actions ?? []) parts.push(`[建议] ${typeof action.value === 'string' ? action.value : action.title}`);
  return parts.join('\n');
}

/** A published activity starting `daysAhead` days from now. */
export async function publishedActivity(activities: ActivitiesModule, overrides: Record<string, unknown> = {}, daysAhead = 7): Promise<number> {
  const startsAt = new Date(Date.now() + daysAhead * DAY);
  const created = await activities.activities.create({
    type: 'salon',
    title: `测试沙龙${randomUUID().slice(0, 4)}`,
    description: '测试用活动',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR),
    place: '园区企业服务中心',
    capacity: 20,
    signupDeadline: new Date(startsAt.getTime() - DAY),
    ...overrides,
  } as never);
  await activities.activities.publish(created.id);
  return created.id;
}

/** Polls until `check` passes (no fixed sleeps in assertions). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
