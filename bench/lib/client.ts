/**
 * The benchmark's client: one keep-alive HTTP agent, and a conversation over each path.
 *
 *   Direct Line       start a conversation, then per turn: post, poll until a message replying to it is there.
 *   /api/messages     per turn: POST the activity with serviceUrl = this process's listener; the bot's
 *                     reply arrives at POST {serviceUrl}/v3/conversations/{id}/activities/{replyToId}.
 *
 * A turn's latency runs from the POST until the first message replying to it reaches the client.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { ScriptTurn, TurnKind } from './mix';

export type PathName = 'directline' | 'api';

interface Reply {
  status: number;
  body: any;
}

export const agent = new http.Agent({ keepAlive: true, maxSockets: 2000 });

export function request(url: string, method: string, token?: string, body?: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(payload);
    }
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
        } catch {
          resolve({ status: res.statusCode ?? 0, body: text });
        }
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export interface TurnRecord {
  kind: TurnKind;
  /** until the first reply reached the client */
  ms: number;
  /** /api/messages: until the POST was answered (the adapter answers once the whole turn is over) */
  doneMs?: number;
}

export interface RunResult {
  turns: TurnRecord[];
  errors: number;
  /** The first few error messages, to say what went wrong. */
  errorSamples: string[];
  seconds: number;
  /** The text of the first reply seen (sanity checks). */
  firstReply?: string;
}

export function newResult(): RunResult {
  return { turns: [], errors: 0, errorSamples: [], seconds: 0 };
}

function fail(result: RunResult, err: unknown): void {
  result.errors++;
  if (result.errorSamples.length < 5) result.errorSamples.push(err instanceof Error ? err.message : String(err));
}

const REPLY_TIMEOUT_MS = 30_000;
const POLL_GAP_MS = 2;

/** Called before each turn and after the last (outside the timed part): per-turn server measurements. */
export type TurnBoundary = () => Promise<void>;

const noBoundary: TurnBoundary = async () => undefined;

/** One Direct Line conversation through `script`. */
export async function directLineConversation(base: string, script: ScriptTurn[], result: RunResult, boundary = noBoundary): Promise<void> {
  let started: Reply;
  try {
    started = await request(`${base}/v3/directline/conversations`, 'POST', undefined, {});
    if (started.status >= 300) throw new Error(`start ${started.status}`);
  } catch (err) {
    for (let i = 0; i < script.length; i++) fail(result, err);
    return;
  }
  const { conversationId, token } = started.body as { conversationId: string; token: string };
  const activities = `${base}/v3/directline/conversations/${conversationId}/activities`;
  let watermark = '';
  for (const turn of script) {
    await boundary();
    const t0 = performance.now();
    try {
      const posted = await request(activities, 'POST', token, { type: 'message', text: turn.text, from: { id: 'bench' }, channelData: { clientActivityID: randomUUID() } });
      if (posted.status !== 200) throw new Error(`post ${posted.status} ${JSON.stringify(posted.body).slice(0, 200)}`);
      const deadline = t0 + REPLY_TIMEOUT_MS;
      for (;;) {
        const polled = await request(`${activities}?watermark=${watermark}`, 'GET', token);
        if (polled.status !== 200) throw new Error(`poll ${polled.status} ${JSON.stringify(polled.body).slice(0, 200)}`);
        watermark = polled.body.watermark ?? watermark;
        const reply = (polled.body.activities as Array<{ type?: string; replyToId?: string; text?: string }>).find(
          (a) => a.type === 'message' && a.replyToId === posted.body.id,
        );
        if (reply) {
          result.firstReply ??= reply.text;
          break;
        }
        if (performance.now() > deadline) throw new Error('reply never came');
        await new Promise((r) => setTimeout(r, POLL_GAP_MS));
      }
      result.turns.push({ kind: turn.kind, ms: performance.now() - t0 });
    } catch (err) {
      fail(result, err);
    }
  }
  await boundary();
}

interface Waiter {
  resolve: (arrival: { at: number; text?: string }) => void;
}

/**
 * The serviceUrl side of /api/messages in this process: answers the bot's reply POSTs and tells the
 * waiting turn when the first message replying to its activity arrived.
 */
export class ReplyListener {
  private readonly waiters = new Map<string, Waiter>();
  private readonly server: http.Server;
  private replies = 0;
  /** Activities the bot has POSTed to this listener so far (replies, typing indicators, …), by type. */
  readonly received = new Map<string, number>();
  url = '';

  constructor() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = performance.now();
        // /v3/conversations/{conversationId}/activities/{replyToId}
        const match = /^\/v3\/conversations\/[^/]+\/activities\/([^/?]+)/.exec(req.url ?? '');
        let activity: { type?: string; text?: string; replyToId?: string } = {};
        try {
          activity = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          // not JSON: answered all the same
        }
        const type = activity.type ?? '(none)';
        this.received.set(type, (this.received.get(type) ?? 0) + 1);
        const replyToId = match ? decodeURIComponent(match[1]) : activity.replyToId;
        if (replyToId && activity.type === 'message') {
          const waiter = this.waiters.get(replyToId);
          if (waiter) {
            this.waiters.delete(replyToId);
            waiter.resolve({ at, text: activity.text });
          }
        }
        const body = JSON.stringify({ id: `r-${++this.replies}` });
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
      });
    });
    this.server.keepAliveTimeout = 30_000;
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('listener has no port');
    this.url = `http://127.0.0.1:${address.port}`;
    return this.url;
  }

  /** Resolves with the arrival time of the first message replying to `activityId`. */
  expect(activityId: string): Promise<{ at: number; text?: string }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(activityId);
        reject(new Error('reply never came'));
      }, REPLY_TIMEOUT_MS);
      this.waiters.set(activityId, {
        resolve: (arrival) => {
          clearTimeout(timer);
          resolve(arrival);
        },
      });
    });
  }

  /** Stops waiting for a reply to `activityId` (its POST failed). */
  forget(activityId: string): void {
    const waiter = this.waiters.get(activityId);
    this.waiters.delete(activityId);
    waiter?.resolve({ at: Number.NaN });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

let apiConversations = 0;

/** One /api/messages conversation through `script`, as the Emulator talks to a bot. */
export async function apiConversation(
  base: string,
  listener: ReplyListener,
  script: ScriptTurn[],
  result: RunResult,
  boundary = noBoundary,
): Promise<void> {
  const n = ++apiConversations;
  const conversation = { id: `bench-${n}-${randomUUID()}` };
  const user = { id: `bench-user-${n}`, name: '基准用户', role: 'user' };
  const bot = { id: 'huibot', name: 'huibot', role: 'bot' };
  const common = { channelId: 'emulator', serviceUrl: listener.url, conversation, recipient: bot, locale: 'zh-CN' };
  try {
    // The Emulator opens with a conversationUpdate adding the user (huibot welcomes); not timed.
    const opened = await request(`${base}/api/messages`, 'POST', undefined, { ...common, type: 'conversationUpdate', id: randomUUID(), from: user, membersAdded: [user, bot] });
    if (opened.status >= 300) throw new Error(`conversationUpdate ${opened.status} ${JSON.stringify(opened.body).slice(0, 200)}`);
  } catch (err) {
    for (let i = 0; i < script.length; i++) fail(result, err);
    return;
  }
  for (const turn of script) {
    await boundary();
    const id = randomUUID();
    const reply = listener.expect(id);
    reply.catch(() => undefined); // awaited below unless the POST fails first
    const t0 = performance.now();
    try {
      // The adapter answers the POST once the turn is over; the arrival time is taken when the reply comes.
      const response = await request(`${base}/api/messages`, 'POST', undefined, { ...common, type: 'message', id, text: turn.text, from: user, timestamp: new Date().toISOString() });
      if (response.status >= 300) {
        listener.forget(id);
        throw new Error(`post ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
      }
      const done = performance.now();
      const arrival = await reply;
      result.firstReply ??= arrival.text;
      result.turns.push({ kind: turn.kind, ms: arrival.at - t0, doneMs: Math.max(done, arrival.at) - t0 });
    } catch (err) {
      fail(result, err);
    }
  }
  await boundary();
}

/** `conversations` conversations at once, each through its own script. */
export async function runConversations(
  path: PathName,
  base: string,
  listener: ReplyListener,
  scripts: ScriptTurn[][],
  boundary?: TurnBoundary,
): Promise<RunResult> {
  const result = newResult();
  const t0 = performance.now();
  await Promise.all(
    scripts.map((script) =>
      path === 'directline' ? directLineConversation(base, script, result, boundary) : apiConversation(base, listener, script, result, boundary),
    ),
  );
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}
