/**
 * Answer-quality evaluation (rules: eval/shared/README.md).
 *
 *   npm run eval [-- FILE…]            through the running bot's Direct Line endpoint, as a user
 *   npm run eval -- --local [FILE…]    in process: recognizer + Q&A answer builder
 *   options: --verbose (print every reply), BOT_URL (default http://localhost:3978)
 *
 * Default files: eval/shared/dev.jsonl and eval/*.jsonl. Ends with "N passed, N failed".
 */
process.env.DOTENV_CONFIG_QUIET = 'true';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { checkReply, defaultEvalFiles, loadCases, type EvalCase } from '../src/eval/cases';

const ROOT = path.resolve(__dirname, '..');
const USER_ID = 'eval-user';
/** stop collecting replies after this long without a new bot activity */
const QUIET_MS = 300;
const REPLY_TIMEOUT_MS = 20000;
const POLL_MS = 80;
/** accept bot messages that do not name the message they answer after this long */
const UNLINKED_AFTER_MS = 3000;

interface Conversation {
  send(text: string): Promise<string>;
}

// ---- Direct Line 3.0 ----------------------------------------------------------------------

interface DlActivity {
  id?: string;
  type: string;
  from?: { id?: string; role?: string };
  replyToId?: string;
  text?: string;
  attachments?: Array<{ contentType?: string; content?: unknown }>;
  suggestedActions?: { actions?: Array<{ title?: string; value?: unknown }> };
  channelData?: { clientActivityID?: string };
}

/** Retries after HTTP 429 (rate limit) this many times, waiting Retry-After (or 1 s). */
const MAX_RATE_LIMIT_RETRIES = 20;

async function http<T>(method: string, url: string, token?: string, body?: unknown): Promise<T> {
  let res: Response;
  for (let attempt = 0; ; attempt++) {
    res = await fetch(url, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status !== 429 || attempt >= MAX_RATE_LIMIT_RETRIES) break;
    const wait = Number(res.headers.get('retry-after')) || 1;
    await new Promise((r) => setTimeout(r, wait * 1000));
  }
  if (!res.ok) throw new Error(`${method} ${url} → HTTP ${res.status} ${await res.text().catch(() => '')}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : {}) as T;
}

/** Texts of a card (title, subtitle, text, TextBlocks, button titles) in document order. */
function cardTexts(content: unknown, out: string[] = []): string[] {
  if (Array.isArray(content)) content.forEach((c) => cardTexts(c, out));
  else if (content && typeof content === 'object') {
    for (const [key, value] of Object.entries(content)) {
      if (typeof value === 'string' && ['title', 'subtitle', 'text'].includes(key)) out.push(value);
      else if (typeof value === 'object') cardTexts(value, out);
    }
  }
  return out;
}

function activityText(a: DlActivity): string {
  const parts: string[] = [];
  if (a.text) parts.push(a.text);
  for (const att of a.attachments ?? []) parts.push(...cardTexts(att.content));
  for (const action of a.suggestedActions?.actions ?? []) if (action.title) parts.push(action.title);
  return parts.join('\n');
}

async function directLineConversation(base: string): Promise<Conversation> {
  const { conversationId, token } = await http<{ conversationId: string; token: string }>('POST', `${base}/v3/directline/conversations`);
  const activitiesUrl = `${base}/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`;
  let watermark: string | undefined;
  return {
    async send(text: string): Promise<string> {
      const clientActivityID = randomUUID();
      const posted = await http<{ id: string }>('POST', activitiesUrl, token, {
        type: 'message',
        from: { id: USER_ID },
        text,
        locale: 'zh-CN',
        channelData: { clientActivityID },
      });
      const replies: DlActivity[] = [];
      const started = Date.now();
      let lastNew = 0;
      // Bot messages without replyToId (e.g. the welcome) only count when nothing else answers.
      const unlinked: DlActivity[] = [];
      for (;;) {
        const url = watermark ? `${activitiesUrl}?watermark=${encodeURIComponent(watermark)}` : activitiesUrl;
        const set = await http<{ activities: DlActivity[]; watermark?: string }>('GET', url, token);
        if (set.watermark !== undefined) watermark = set.watermark;
        const fromBot = set.activities.filter(
          (a) => a.type === 'message' && a.id !== posted.id && a.from?.role !== 'user' && a.from?.id !== USER_ID && a.channelData?.clientActivityID !== clientActivityID,
        );
        const fresh = fromBot.filter((a) => a.replyToId === posted.id);
        unlinked.push(...fromBot.filter((a) => !a.replyToId && (a.id ?? '') > posted.id));
        if (fresh.length) {
          replies.push(...fresh);
          lastNew = Date.now();
        }
        if (replies.length && Date.now() - lastNew >= QUIET_MS) break;
        if (!replies.length && unlinked.length && Date.now() - started > UNLINKED_AFTER_MS) replies.push(...unlinked.splice(0));
        if (Date.now() - started > REPLY_TIMEOUT_MS) {
          if (replies.length) break;
          throw new Error(`no reply within ${REPLY_TIMEOUT_MS} ms`);
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      return replies.map(activityText).join('\n');
    },
  };
}

// ---- in process ---------------------------------------------------------------------------

async function localFactory(): Promise<() => Conversation> {
  const { createRecognizer } = await import('../src/nlu');
  const { createLocalBot } = await import('../src/eval/localBot');
  const recognizer = await createRecognizer();
  const { advisorStandIn } = await import('../src/eval/advisorStandIn');
  const bot = createLocalBot(recognizer.kb, (t) => recognizer.recognizeSync(t), advisorStandIn(recognizer.kb));
  return () => bot.conversation();
}

// ---- main ---------------------------------------------------------------------------------

async function runCase(c: EvalCase, newConversation: () => Promise<Conversation> | Conversation): Promise<{ reply: string; problems: string[] }> {
  const conversation = await newConversation();
  let reply = '';
  for (const turn of c.turns) reply = await conversation.send(turn);
  return { reply, problems: checkReply(c, reply) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const local = args.includes('--local');
  const verbose = args.includes('--verbose') || args.includes('-v');
  const files = args.filter((a) => !a.startsWith('-')).map((f) => path.resolve(f));
  const cases = loadCases(files.length ? files : defaultEvalFiles(ROOT));
  const base = (process.env.BOT_URL ?? 'http://localhost:3978').replace(/\/$/, '');
  if (!local) {
    try {
      await fetch(`${base}/healthz`);
    } catch {
      console.error(`The bot is not reachable at ${base}. Start it (npm start) or set BOT_URL, or run in process: npm run eval -- --local`);
      process.exit(2);
    }
  }
  const newConversation = local ? await localFactory() : () => directLineConversation(base);
  console.log(`${cases.length} cases, ${local ? 'in process (--local)' : `Direct Line at ${base}`}`);

  let passed = 0;
  let failed = 0;
  for (const c of cases) {
    let result: { reply: string; problems: string[] };
    try {
      result = await runCase(c, newConversation);
    } catch (err) {
      result = { reply: '', problems: [`error: ${(err as Error).message}`] };
    }
    if (result.problems.length === 0) passed++;
    else failed++;
    if (result.problems.length || verbose) {
      const mark = result.problems.length ? 'FAIL' : 'ok  ';
      console.log(`${mark} ${c.id} (${c.file}) ${c.turns.join(' → ')}`);
      for (const p of result.problems) console.log(`     - ${p}`);
      console.log(`     reply: ${result.reply.replace(/\n/g, ' ⏎ ').slice(0, 300)}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
