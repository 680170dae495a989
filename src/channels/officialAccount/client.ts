import { WechatApiError, WechatTransportError } from './apiErrors';
import type { AccessTokenCache, FetchedToken } from './accessToken';

/** A template message as message/template/send takes it. */
export interface TemplateMessage {
  touser: string;
  template_id: string;
  url?: string;
  data: Record<string, { value: string }>;
}

/** One top-level or sub button of the custom menu (menu/create). */
export interface MenuButton {
  name: string;
  type?: 'click' | 'view';
  key?: string;
  url?: string;
  sub_button?: MenuButton[];
}

export interface OfficialAccountClientOptions {
  apiBase: string;
  appId: string;
  appSecret: string;
  /** Per request; a send that times out has an unknown outcome. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The JSON every WeChat API answers with (errcode 0 or absent = success). */
interface ApiAnswer {
  errcode?: number;
  errmsg?: string;
  [key: string]: unknown;
}

/**
 * The few Official Account server APIs the channel uses. Calls with an access token take it
 * from the cache and, when WeChat calls it invalid or expired, refresh it once and try again.
 * Neither the token nor the secret ever appears in an error or a log line.
 */
export class OfficialAccountClient {
  private tokens?: AccessTokenCache;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: OfficialAccountClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** The cache calls back into fetchStableToken, so it is attached after both exist. */
  useTokens(tokens: AccessTokenCache): void {
    this.tokens = tokens;
  }

  /** POST /cgi-bin/stable_token */
  async fetchStableToken(forceRefresh: boolean): Promise<FetchedToken> {
    const answer = await this.post('stable_token', '/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: this.options.appId,
      secret: this.options.appSecret,
      force_refresh: forceRefresh,
    });
    if (typeof answer.access_token !== 'string' || typeof answer.expires_in !== 'number') {
      throw new WechatTransportError('stable_token', true, 'answer without access_token');
    }
    return { accessToken: answer.access_token, expiresIn: answer.expires_in };
  }

  /** POST /cgi-bin/message/custom/send (text) */
  async sendCustomText(openId: string, content: string): Promise<void> {
    await this.withToken('message/custom/send', '/cgi-bin/message/custom/send', { touser: openId, msgtype: 'text', text: { content } });
  }

  /** POST /cgi-bin/message/template/send; resolves with WeChat's msgid. */
  async sendTemplate(message: TemplateMessage): Promise<string | undefined> {
    const answer = await this.withToken('message/template/send', '/cgi-bin/message/template/send', message);
    return answer.msgid === undefined ? undefined : String(answer.msgid);
  }

  /** POST /cgi-bin/menu/create */
  async createMenu(buttons: MenuButton[]): Promise<void> {
    await this.withToken('menu/create', '/cgi-bin/menu/create', { button: buttons });
  }

  private async withToken(api: string, path: string, body: unknown): Promise<ApiAnswer> {
    if (!this.tokens) throw new Error('OfficialAccountClient: no token cache attached');
    const token = await this.tokens.get();
    try {
      return await this.post(api, path, body, token);
    } catch (err) {
      if (!(err instanceof WechatApiError) || err.kind !== 'token') throw err;
      const fresh = await this.tokens.refresh(token);
      return this.post(api, path, body, fresh);
    }
  }

  private async post(api: string, path: string, body: unknown, token?: string): Promise<ApiAnswer> {
    const url = `${this.options.apiBase}${path}${token ? `?access_token=${encodeURIComponent(token)}` : ''}`;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw transportError(api, err);
    }
    let answer: ApiAnswer;
    try {
      answer = (await response.json()) as ApiAnswer;
    } catch {
      throw new WechatTransportError(api, true, `HTTP ${response.status} without a JSON answer`);
    }
    if (!answer || typeof answer !== 'object') throw new WechatTransportError(api, true, 'answer is not a JSON object');
    const errcode = Number(answer.errcode ?? 0);
    if (errcode !== 0) throw new WechatApiError(api, errcode, String(answer.errmsg ?? ''));
    return answer;
  }
}

/** Only the error's kind and code: a fetch error can quote the URL, which carries the token. */
function transportError(api: string, err: unknown): WechatTransportError {
  const cause = (err as { cause?: { code?: string } })?.cause;
  const code = cause?.code ?? (err as { name?: string })?.name ?? 'error';
  const neverSent = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
  return new WechatTransportError(api, !neverSent, neverSent ? `could not connect (${code})` : `no answer (${code})`);
}
