/**
 * The comparison servers of the HTTP benchmark, each run in its own child process:
 *
 *   bare     restify with the same endpoint shapes (Direct Line post + poll, /api/messages
 *            answering through the serviceUrl), conversations in memory: the ceiling.
 *   echobot  a minimal botbuilder bot (ActivityHandler, one sendActivity) on huibot's own
 *            adapters: the Direct Line channel (SQLite-backed) and the CloudAdapter.
 *   dialogbot  a botbuilder dialog bot without NLU (bench/lib/dialogBot.ts) on the same adapters and
 *            with huibot's SqlStorage-backed conversation and user state: every message loads state,
 *            continues or begins a ComponentDialog (waterfall + TextPrompt "echo: <text>"), saves state
 *            and sends one reply: the floor of a stateful dialog bot.
 *   fixed    huibot's dialogs with a fixed recognizer and only the Direct Line feature
 *            (the `--fixed` variant, for channel work).
 *
 * The real bot is not started here: the benchmark forks src/index.ts itself (as `npm start`).
 * Usage (by bench/http.ts): fork(bench/lib/serve.ts, [kind]) with the server settings in the
 * environment; the child sends { url } once it listens and exits when the IPC channel closes.
 */
import './probe';
import http from 'node:http';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import restify from 'restify';
import { ActivityHandler, type TurnContext } from 'botbuilder';
import type { Services } from '../../src/contracts/feature';

export type ServeKind = 'bare' | 'echobot' | 'dialogbot' | 'fixed';

/** Removes the temp database when the benchmark lets go of this process. */
function exitOnDisconnect(close: () => Promise<void>, dbPath?: string): void {
  process.on('disconnect', () => {
    void close()
      .catch(() => undefined)
      .finally(() => {
        if (dbPath) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
        process.exit(0);
      });
  });
}

const outbound = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** POSTs the echo to the caller's serviceUrl, the way a Bot Framework bot answers. */
function postReply(serviceUrl: string, conversationId: string, replyToId: string, body: object): Promise<void> {
  const url = `${serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(replyToId)}`;
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: outbound, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } }, (res) => {
      res.resume();
      res.on('end', () => ((res.statusCode ?? 500) < 300 ? resolve() : reject(new Error(`reply ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function serveBare(): Promise<string> {
  const server = restify.createServer({ name: 'bare' });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  const body = restify.plugins.bodyParser({ mapParams: false });
  const conversations = new Map<string, unknown[]>();
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  server.post('/v3/directline/conversations', (_req, res, next) => {
    const id = randomUUID();
    conversations.set(id, []);
    res.send(201, { conversationId: id, token: 'token', expires_in: 3600 });
    next();
  });
  server.post('/v3/directline/conversations/:id/activities', body, (req, res, next) => {
    const list = conversations.get(req.params.id) ?? [];
    const id = `${req.params.id}|${list.length + 1}`;
    list.push({ ...req.body, id, from: { id: 'user', role: 'user' } });
    list.push({ type: 'message', text: `echo: ${req.body?.text ?? ''}`, replyToId: id, id: `${req.params.id}|${list.length + 1}`, from: { id: 'bot', role: 'bot' } });
    res.send(200, { id });
    next();
  });
  server.get('/v3/directline/conversations/:id/activities', (req, res, next) => {
    const list = conversations.get(req.params.id) ?? [];
    const after = Number((req.query as { watermark?: string }).watermark || 0);
    res.send(200, { activities: list.slice(after), watermark: String(list.length) });
    next();
  });
  server.post('/api/messages', body, async (req, res) => {
    const activity = req.body as { type: string; id: string; text?: string; serviceUrl: string; conversation: { id: string }; from: object; recipient: object };
    try {
      if (activity.type === 'message') {
        await postReply(activity.serviceUrl, activity.conversation.id, activity.id, {
          type: 'message',
          text: `echo: ${activity.text ?? ''}`,
          replyToId: activity.id,
          conversation: activity.conversation,
          from: activity.recipient,
          recipient: activity.from,
        });
      }
      res.send(200);
    } catch {
      res.send(502);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  exitOnDisconnect(async () => server.close());
  return `http://127.0.0.1:${server.address().port}`;
}

/** The floor every Bot Framework bot pays: one reply per message, nothing else. */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context: TurnContext, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

/** Settings of the app-based servers: the benchmark's client is one address standing in for many users. */
function appEnvironment(): NodeJS.ProcessEnv {
  const dbPath = process.env.DB_PATH;
  if (!dbPath) throw new Error('DB_PATH must be set by the benchmark');
  return { ...process.env, HOST: '127.0.0.1', SEED_DEMO: 'false' };
}

/**
 * huibot's app (HTTP server, hardening, Direct Line feature, CloudAdapter, SQLite, state) with
 * another bot behind both paths: the one `makeBot` builds from the app's services.
 */
async function serveAppBot(makeBot: (services: Services) => { run(context: TurnContext): Promise<void> }): Promise<string> {
  const { createApp } = await import('../../src/app');
  const { loadConfig } = await import('../../src/config');
  const { directLineFeature } = await import('../../src/features/directline');
  const { registerBotFrameworkEndpoint } = await import('../../src/channels/botframework');
  const env = appEnvironment();
  // The app's own /api/messages route runs huibot; this bot gets the same route on the same adapter.
  const config = loadConfig({ ...env, BOTFRAMEWORK_ENABLED: 'false' });
  const app = await createApp(config, { features: [directLineFeature], recognizer: fixedRecognizer });
  const bot = makeBot(app.services);
  registerBotFrameworkEndpoint(app.server, { config, adapter: app.cloudAdapter, run: (context) => bot.run(context) });
  // The Direct Line channel runs whatever bot the runtime holds at each turn: swap huibot for this one.
  (app.runtime as { bot: { run(context: TurnContext): Promise<void> } }).bot = bot;
  const url = await app.listen(0, '127.0.0.1');
  exitOnDisconnect(() => app.close(), config.DB_PATH);
  return url;
}

function serveEchoBot(): Promise<string> {
  return serveAppBot(() => new EchoBot());
}

/** The dialog bot on the app's own ConversationState and UserState (SqlStorage on the same database). */
async function serveDialogBot(): Promise<string> {
  const { DialogBot } = await import('./dialogBot');
  return serveAppBot((services) => new DialogBot(services.conversationState, services.userState));
}

/** Today's channel variant: every message is a greeting, so no NLU runs. */
const fixedRecognizer = {
  async recognize(text: string) {
    return { text, normalized: text, intent: 'greeting' as const, intentScore: 1, entities: {}, candidates: [] };
  },
};

async function serveFixed(): Promise<string> {
  const { createApp } = await import('../../src/app');
  const { loadConfig } = await import('../../src/config');
  const { directLineFeature } = await import('../../src/features/directline');
  const config = loadConfig(appEnvironment());
  const app = await createApp(config, { features: [directLineFeature], recognizer: fixedRecognizer });
  const url = await app.listen(0, '127.0.0.1');
  exitOnDisconnect(() => app.close(), config.DB_PATH);
  return url;
}

const servers: Record<ServeKind, () => Promise<string>> = { bare: serveBare, echobot: serveEchoBot, dialogbot: serveDialogBot, fixed: serveFixed };

const kind = process.argv[2] as ServeKind;
if (!servers[kind]) {
  console.error(`usage: serve.ts ${Object.keys(servers).join('|')}`);
  process.exit(2);
}
servers[kind]().then(
  (url) => process.send?.({ url }),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
