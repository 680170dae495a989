import http from 'node:http';
import { randomBytes } from 'node:crypto';

/**
 * A local fake of the WeChat Official Account server API, for tests and `npm run wechat:fake`:
 * token and stable_token, message/custom/send, message/template/send and menu/create, with
 * their documented request checks and error codes, the 48-hour window and follow state per
 * user, and a switch to make the next calls of an API fail with a chosen errcode.
 */

export type FakeApi = 'token' | 'stable_token' | 'custom' | 'template' | 'menu';

export interface FakeUser {
  following: boolean;
  /** epoch ms of the user's last message, click, follow or scan */
  lastInteractionAt?: number;
}

export interface CustomSent {
  touser: string;
  content: string;
}

export interface TemplateSent {
  touser: string;
  template_id: string;
  url?: string;
  data: Record<string, { value: string }>;
  msgid: number;
}

export interface FakeWechatApiOptions {
  appId: string;
  appSecret: string;
  templateIds?: string[];
  now?: () => number;
  /** seconds */
  tokenLifetime?: number;
  /** told of every message the fake accepts (the interactive fake prints them) */
  onMessage?: (message: { kind: 'custom'; sent: CustomSent } | { kind: 'template'; sent: TemplateSent }) => void;
}

const WINDOW_MS = 48 * 3600_000;

interface IssuedToken {
  expiresAt: number;
  revoked: boolean;
}

export class FakeWechatApi {
  readonly users = new Map<string, FakeUser>();
  readonly customSent: CustomSent[] = [];
  readonly templatesSent: TemplateSent[] = [];
  readonly menus: unknown[] = [];
  readonly tokenRequests: Array<{ api: 'token' | 'stable_token'; force: boolean }> = [];
  /** every API call and its errcode (0 = ok) */
  readonly calls: Array<{ api: FakeApi; errcode: number }> = [];
  private readonly tokens = new Map<string, IssuedToken>();
  private stableToken?: string;
  private readonly failures = new Map<FakeApi, Array<{ errcode: number; errmsg: string }>>();
  private server?: http.Server;
  private msgid = 1000;
  private readonly now: () => number;
  url = '';

  constructor(private readonly options: FakeWechatApiOptions) {
    this.now = options.now ?? Date.now;
  }

  // --- the world ---

  /** The user followed the account (or wrote, clicked, scanned): the 48-hour window opens. */
  interact(openId: string, at = this.now()): void {
    this.users.set(openId, { following: true, lastInteractionAt: at });
  }

  unfollow(openId: string): void {
    const user = this.users.get(openId);
    this.users.set(openId, { ...user, following: false });
  }

  /** The next `times` calls of `api` fail with `errcode`. */
  failNext(api: FakeApi, errcode: number, times = 1, errmsg = `fake error ${errcode}`): void {
    const queue = this.failures.get(api) ?? [];
    for (let i = 0; i < times; i++) queue.push({ errcode, errmsg });
    this.failures.set(api, queue);
  }

  /** Every token issued so far expires now (the next call with one gets 42001). */
  expireTokens(): void {
    for (const token of this.tokens.values()) token.expiresAt = Math.min(token.expiresAt, this.now() - 1);
  }

  /** Every token issued so far is revoked (the next call with one gets 40001). */
  revokeTokens(): void {
    for (const token of this.tokens.values()) token.revoked = true;
  }

  /** Every access token issued so far (tests check none of them reaches a log). */
  issuedTokens(): string[] {
    return [...this.tokens.keys()];
  }

  callsOf(api: FakeApi): Array<{ api: FakeApi; errcode: number }> {
    return this.calls.filter((c) => c.api === api);
  }

  // --- the server ---

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = http.createServer((req, res) => void this.route(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    const address = this.server.address() as { port: number };
    this.url = `http://${host}:${address.port}`;
    return this.url;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = await new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => resolve(data));
    });
    const answer = (api: FakeApi | undefined, json: Record<string, unknown>) => {
      if (api) this.calls.push({ api, errcode: Number(json.errcode ?? 0) });
      res.writeHead(200, { 'content-type': 'application/json; encoding=utf-8' });
      res.end(JSON.stringify(json));
    };
    const routes: Record<string, [string, FakeApi]> = {
      '/cgi-bin/token': ['GET', 'token'],
      '/cgi-bin/stable_token': ['POST', 'stable_token'],
      '/cgi-bin/message/custom/send': ['POST', 'custom'],
      '/cgi-bin/message/template/send': ['POST', 'template'],
      '/cgi-bin/menu/create': ['POST', 'menu'],
    };
    const route = routes[url.pathname];
    if (!route) return answer(undefined, { errcode: 404, errmsg: 'not found' });
    const [method, api] = route;
    if (req.method !== method) return answer(api, { errcode: 43001, errmsg: `require ${method} method` });
    const failure = this.failures.get(api)?.shift();
    if (failure) return answer(api, failure);

    if (api === 'token') return answer(api, this.classicToken(url.searchParams));
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(body) as Record<string, unknown>;
      if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('not an object');
    } catch {
      return answer(api, { errcode: 47001, errmsg: 'data format error' });
    }
    if (api === 'stable_token') return answer(api, this.stable(json));
    const tokenProblem = this.checkToken(url.searchParams.get('access_token'));
    if (tokenProblem) return answer(api, tokenProblem);
    if (api === 'custom') return answer(api, this.custom(json));
    if (api === 'template') return answer(api, this.template(json));
    return answer(api, this.menu(json));
  }

  private issue(): { access_token: string; expires_in: number } {
    const lifetime = this.options.tokenLifetime ?? 7200;
    const token = `FAKE_${randomBytes(24).toString('hex')}`;
    this.tokens.set(token, { expiresAt: this.now() + lifetime * 1000, revoked: false });
    return { access_token: token, expires_in: lifetime };
  }

  private credentialsProblem(appid: unknown, secret: unknown): Record<string, unknown> | undefined {
    if (appid !== this.options.appId) return { errcode: 40013, errmsg: 'invalid appid' };
    if (secret !== this.options.appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    return undefined;
  }

  /** GET /cgi-bin/token: each call issues a new token and revokes the previous ones. */
  private classicToken(query: URLSearchParams): Record<string, unknown> {
    this.tokenRequests.push({ api: 'token', force: true });
    if (query.get('grant_type') !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    const problem = this.credentialsProblem(query.get('appid'), query.get('secret'));
    if (problem) return problem;
    for (const [token, issued] of this.tokens) if (token !== this.stableToken) issued.revoked = true;
    return this.issue();
  }

  /**
   * POST /cgi-bin/stable_token: normal mode returns the current token while it is valid (a new one
   * within 5 minutes of its expiry); force_refresh revokes it and issues a new one.
   */
  private stable(json: Record<string, unknown>): Record<string, unknown> {
    const force = json.force_refresh === true;
    this.tokenRequests.push({ api: 'stable_token', force });
    if (json.grant_type !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    if (json.force_refresh !== undefined && typeof json.force_refresh !== 'boolean') return { errcode: 47001, errmsg: 'data format error' };
    const problem = this.credentialsProblem(json.appid, json.secret);
    if (problem) return problem;
    const current = this.stableToken ? this.tokens.get(this.stableToken) : undefined;
    if (!force && current && !current.revoked && current.expiresAt - 5 * 60_000 > this.now()) {
      return { access_token: this.stableToken, expires_in: Math.floor((current.expiresAt - this.now()) / 1000) };
    }
    if (current) current.revoked = true;
    const fresh = this.issue();
    this.stableToken = fresh.access_token;
    return fresh;
  }

  private checkToken(token: string | null): Record<string, unknown> | undefined {
    if (!token) return { errcode: 41001, errmsg: 'access_token missing' };
    const issued = this.tokens.get(token);
    if (!issued || issued.revoked) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    if (issued.expiresAt <= this.now()) return { errcode: 42001, errmsg: 'access_token expired' };
    return undefined;
  }

  private recipientProblem(touser: unknown): Record<string, unknown> | undefined {
    if (typeof touser !== 'string' || !touser) return { errcode: 40003, errmsg: 'invalid openid' };
    const user = this.users.get(touser);
    if (!user) return { errcode: 40003, errmsg: 'invalid openid' };
    if (!user.following) return { errcode: 43004, errmsg: 'require subscribe' };
    return undefined;
  }

  /** POST /cgi-bin/message/custom/send (text only). */
  private custom(json: Record<string, unknown>): Record<string, unknown> {
    const problem = this.recipientProblem(json.touser);
    if (problem) return problem;
    if (json.msgtype !== 'text') return { errcode: 40008, errmsg: 'invalid message type' };
    const content = (json.text as { content?: unknown } | undefined)?.content;
    if (typeof content !== 'string' || !content) return { errcode: 44003, errmsg: 'empty news data' };
    if (Buffer.byteLength(content) > 2048) return { errcode: 45002, errmsg: 'content size out of limit' };
    const user = this.users.get(json.touser as string)!;
    if (user.lastInteractionAt === undefined || this.now() - user.lastInteractionAt >= WINDOW_MS) {
      return { errcode: 45015, errmsg: 'response out of time limit or subscription is canceled' };
    }
    const sent = { touser: json.touser as string, content };
    this.customSent.push(sent);
    this.options.onMessage?.({ kind: 'custom', sent });
    return { errcode: 0, errmsg: 'ok' };
  }

  /** POST /cgi-bin/message/template/send */
  private template(json: Record<string, unknown>): Record<string, unknown> {
    const problem = this.recipientProblem(json.touser);
    if (problem) return problem;
    if (typeof json.template_id !== 'string' || !(this.options.templateIds ?? []).includes(json.template_id)) {
      return { errcode: 40037, errmsg: 'invalid template_id' };
    }
    const data = json.data as Record<string, unknown> | undefined;
    if (!data || typeof data !== 'object' || Object.values(data).some((v) => typeof (v as { value?: unknown })?.value !== 'string')) {
      return { errcode: 47003, errmsg: 'argument invalid! data.value invalid' };
    }
    if (json.url !== undefined && (typeof json.url !== 'string' || !/^https?:\/\//.test(json.url))) return { errcode: 40039, errmsg: 'invalid url size' };
    const msgid = ++this.msgid;
    const sent = { touser: json.touser as string, template_id: json.template_id, url: json.url as string | undefined, data: data as TemplateSent['data'], msgid };
    this.templatesSent.push(sent);
    this.options.onMessage?.({ kind: 'template', sent });
    return { errcode: 0, errmsg: 'ok', msgid };
  }

  /** POST /cgi-bin/menu/create: at most 3 buttons of at most 5 sub-buttons, names and keys within WeChat's byte limits. */
  private menu(json: Record<string, unknown>): Record<string, unknown> {
    const buttons = json.button;
    if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) return { errcode: 40016, errmsg: 'invalid button size' };
    for (const button of buttons as Array<Record<string, unknown>>) {
      if (typeof button.name !== 'string' || !button.name || Buffer.byteLength(button.name) > 16) return { errcode: 40018, errmsg: 'invalid button name size' };
      const subs = button.sub_button;
      if (subs === undefined) {
        const problem = leafProblem(button, false);
        if (problem) return problem;
        continue;
      }
      if (!Array.isArray(subs) || subs.length < 1 || subs.length > 5) return { errcode: 40023, errmsg: 'invalid sub button size' };
      for (const sub of subs as Array<Record<string, unknown>>) {
        if (typeof sub.name !== 'string' || !sub.name || Buffer.byteLength(sub.name) > 60) return { errcode: 40025, errmsg: 'invalid sub button name size' };
        const problem = leafProblem(sub, true);
        if (problem) return problem;
      }
    }
    this.menus.push(json.button);
    return { errcode: 0, errmsg: 'ok' };
  }
}

function leafProblem(button: Record<string, unknown>, sub: boolean): Record<string, unknown> | undefined {
  if (button.type === 'click') {
    if (typeof button.key !== 'string' || !button.key || Buffer.byteLength(button.key) > 128) {
      return sub ? { errcode: 40026, errmsg: 'invalid sub button key size' } : { errcode: 40019, errmsg: 'invalid button key size' };
    }
    return undefined;
  }
  if (button.type === 'view') {
    if (typeof button.url !== 'string' || Buffer.byteLength(button.url) > 1024) return { errcode: 40020, errmsg: 'invalid button url size' };
    return undefined;
  }
  return sub ? { errcode: 40024, errmsg: 'invalid sub button type' } : { errcode: 40017, errmsg: 'invalid button type' };
}
