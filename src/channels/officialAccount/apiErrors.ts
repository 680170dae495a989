/** How the sender reacts to a WeChat API error code. */
export type ApiErrorKind =
  /** 40001, 40014, 42001: the access token is invalid or expired; refresh once and retry */
  | 'token'
  /** 45015: the 48-hour customer-service window is closed; use a template message */
  | 'window-closed'
  /** 43004: the user does not follow the account (any more) */
  | 'unfollowed'
  /** 45009, 45047, 45011, 45033: a quota or rate limit; back off */
  | 'rate-limited'
  /** 40003: not an OpenID of this account */
  | 'invalid-user'
  /** 40164, 61004: this server's IP is not on the whitelist */
  | 'ip-not-whitelisted'
  /** -1: WeChat's system is busy; safe to retry later */
  | 'busy'
  | 'other';

const KINDS: Record<number, ApiErrorKind> = {
  40001: 'token',
  40014: 'token',
  42001: 'token',
  45015: 'window-closed',
  43004: 'unfollowed',
  45009: 'rate-limited',
  45011: 'rate-limited',
  45033: 'rate-limited',
  45047: 'rate-limited',
  40003: 'invalid-user',
  40164: 'ip-not-whitelisted',
  61004: 'ip-not-whitelisted',
  [-1]: 'busy',
};

export function apiErrorKind(errcode: number): ApiErrorKind {
  return KINDS[errcode] ?? 'other';
}

/** WeChat answered with a non-zero errcode: the request reached it and was refused. */
export class WechatApiError extends Error {
  readonly kind: ApiErrorKind;

  constructor(
    readonly api: string,
    readonly errcode: number,
    errmsg: string,
  ) {
    // errmsg never contains the token; the request URL (which does) is never part of an error.
    super(`${api}: errcode ${errcode} ${errmsg.slice(0, 200)}`);
    this.kind = apiErrorKind(errcode);
  }
}

/**
 * The request did not get a WeChat answer. `sent` tells whether it may have arrived: a refused
 * connection never did; a timeout or a cut connection may have.
 */
export class WechatTransportError extends Error {
  constructor(
    readonly api: string,
    readonly sent: boolean,
    reason: string,
  ) {
    super(`${api}: ${reason}`);
  }
}
