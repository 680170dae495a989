import type { Database } from '../../storage/database';

/** A fresh token from WeChat (stable_token). */
export interface FetchedToken {
  accessToken: string;
  /** seconds */
  expiresIn: number;
}

export interface AccessTokenCacheOptions {
  db: Database;
  appId: string;
  /** Calls stable_token; `force` asks for a new token even if the current one is still valid. */
  fetchToken: (force: boolean) => Promise<FetchedToken>;
  now?: () => number;
  /** A token this close to its expiry is not used any more. */
  marginMs?: number;
  /** Force refresh is limited (20 a day, 30 s apart): never more often than this. */
  minForceIntervalMs?: number;
}

interface Cached {
  token: string;
  expiresAt: number;
}

/**
 * The API access token: kept in memory and in the database (so restarts and several senders
 * share it), fetched with stable_token when missing or near expiry, and refreshed once for all
 * concurrent callers. The token itself is never logged or put in an error.
 */
export class AccessTokenCache {
  private cached?: Cached;
  private inFlight?: Promise<string>;
  private lastForceAt = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;
  private readonly marginMs: number;
  private readonly minForceIntervalMs: number;

  constructor(private readonly options: AccessTokenCacheOptions) {
    this.now = options.now ?? Date.now;
    this.marginMs = options.marginMs ?? 5 * 60_000;
    this.minForceIntervalMs = options.minForceIntervalMs ?? 30_000;
  }

  /** A token valid for a while yet. */
  async get(): Promise<string> {
    if (this.usable(this.cached)) return this.cached.token;
    return this.singleFlight(async () => {
      const stored = await this.load();
      if (this.usable(stored)) {
        this.cached = stored;
        return stored.token;
      }
      return this.fetch(false);
    });
  }

  /**
   * WeChat rejected `rejected` (40001/42001): returns another token. Concurrent callers that saw
   * the same token share one refresh; a caller whose token was already replaced gets the new one.
   */
  async refresh(rejected: string): Promise<string> {
    if (this.inFlight) {
      const token = await this.inFlight;
      if (token !== rejected) return token;
    }
    if (this.cached && this.cached.token !== rejected && this.usable(this.cached)) return this.cached.token;
    return this.singleFlight(async () => {
      // Another process may already have stored a newer token.
      const stored = await this.load();
      if (stored && stored.token !== rejected && this.usable(stored)) {
        this.cached = stored;
        return stored.token;
      }
      const token = await this.fetch(false);
      if (token !== rejected) return token;
      // stable_token handed back the same token though WeChat refuses it: force a new one.
      if (this.now() - this.lastForceAt < this.minForceIntervalMs) return token;
      this.lastForceAt = this.now();
      return this.fetch(true);
    });
  }

  private usable(entry: Cached | undefined): entry is Cached {
    return entry !== undefined && entry.expiresAt - this.marginMs > this.now();
  }

  private singleFlight(work: () => Promise<string>): Promise<string> {
    if (this.inFlight) return this.inFlight;
    const flight = work().finally(() => {
      if (this.inFlight === flight) this.inFlight = undefined;
    });
    this.inFlight = flight;
    return flight;
  }

  private async fetch(force: boolean): Promise<string> {
    // The lifetime counts from before the request, so the token never outlives our idea of it.
    const askedAt = this.now();
    const fetched = await this.options.fetchToken(force);
    const entry = { token: fetched.accessToken, expiresAt: askedAt + fetched.expiresIn * 1000 };
    this.cached = entry;
    await this.options.db.run(
      `INSERT INTO wechat_oa_tokens (app_id, access_token, expires_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(app_id) DO UPDATE SET access_token = excluded.access_token, expires_at = excluded.expires_at,
         updated_at = excluded.updated_at`,
      [this.options.appId, entry.token, entry.expiresAt, new Date().toISOString()],
    );
    return entry.token;
  }

  private async load(): Promise<Cached | undefined> {
    const row = await this.options.db.get<{ access_token: string; expires_at: number }>(
      'SELECT access_token, expires_at FROM wechat_oa_tokens WHERE app_id = ?',
      [this.options.appId],
    );
    return row && { token: row.access_token, expiresAt: row.expires_at };
  }
}
