/**
 * Transcripts through the real Direct Line 3.0 endpoint (/v3/directline) of the whole app:
 * start a conversation, post messages, poll the replies with the watermark.
 */
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { directLineFeature } from '../../src/features/directline';
import { createAdvisorFeature } from '../../src/features/advisor';
import { NOW, fakeRecognizer, tempDbPath } from './helpers';

interface DlActivity {
  type: string;
  id?: string;
  text?: string;
  replyToId?: string;
  from?: { id?: string; role?: string };
  suggestedActions?: { actions?: Array<{ title?: string }> };
}

async function http<T>(method: string, url: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
}

/** A web chat user: posts a message and collects the bot's replies to it (polling with the watermark). */
class WebUser {
  private watermark = '';
  constructor(
    private readonly base: string,
    private readonly conversationId: string,
    private readonly token: string,
  ) {}

  static async start(appUrl: string): Promise<WebUser> {
    const res = await http<{ conversationId: string; token: string }>('POST', `${appUrl}/v3/directline/conversations`);
    expect(res.status).toBe(201);
    return new WebUser(`${appUrl}/v3/directline`, res.body.conversationId, res.body.token);
  }

  async send(text: string, expected = 1): Promise<DlActivity[]> {
    const url = `${this.base}/conversations/${this.conversationId}/activities`;
    const posted = await http<{ id: string }>('POST', url, this.token, { type: 'message', from: { id: 'web-user' }, text, locale: 'zh-CN' });
    expect(posted.status).toBe(200);
    const replies: DlActivity[] = [];
    const deadline = Date.now() + 10000;
    while (replies.length < expected) {
      if (Date.now() > deadline) throw new Error(`expected ${expected} replies to "${text}", got ${JSON.stringify(replies.map((r) => r.text))}`);
      const page = await http<{ activities: DlActivity[]; watermark?: string }>('GET', `${url}?watermark=${encodeURIComponent(this.watermark)}`, this.token);
      expect(page.status).toBe(200);
      if (page.body.watermark !== undefined) this.watermark = page.body.watermark;
      replies.push(...page.body.activities.filter((a) => a.type === 'message' && a.replyToId === posted.body.id));
      if (replies.length < expected) await new Promise((r) => setTimeout(r, 30));
    }
    return replies;
  }
}

describe('advisor over Direct Line', () => {
  let app: App;
  let url: string;

  beforeAll(async () => {
    const config = loadConfig({ DB_PATH: tempDbPath(), LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
    app = await createApp(config, { features: [directLineFeature, createAdvisorFeature({ now: () => NOW })], recognizer: fakeRecognizer() });
    url = await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());

  test('one-shot: the honour in the question, the tier first', async () => {
    const user = await WebUser.start(url);
    const [reply] = await user.send('我们是省级专精特新，属于哪类');
    expect(reply.text!.slice(0, 80)).toMatch(/^属于一类/);
    expect(reply.text).toContain('依据：《方案》一、（三）培育对象');
    expect(reply.suggestedActions?.actions?.map((a) => a.title)).toContain('我们能享受哪些支持');
  });

  test('multi-turn: question with buttons, answer, then support from the saved profile', async () => {
    const user = await WebUser.start(url);
    const [question] = await user.send('我们属于哪一类？');
    expect(question.text).toContain('获得过哪一级');
    expect(question.suggestedActions?.actions?.map((a) => a.title)).toContain('市级');
    const [answer] = await user.send('市级专精特新');
    expect(answer.text!.slice(0, 80)).toMatch(/^属于二类/);
    const [why] = await user.send('为什么没有人才对接？');
    expect(why.text).toMatch(/^根据您之前提供的信息（市级专精特新），贵企业暂不符合“人才对接”的条件/);
  });

  test('each web conversation is its own user: no profile leaks between them', async () => {
    const first = await WebUser.start(url);
    await first.send('我们是国家级小巨人，属于哪类');
    const second = await WebUser.start(url);
    const [question] = await second.send('我们属于哪一类');
    expect(question.text).toContain('获得过哪一级');
  });
});
