/** Failures allowed before the back-off starts. */
const FREE_FAILURES = 5;
const BASE_WAIT_MS = 1000;
const MAX_WAIT_MS = 15 * 60_000;
/** A key with no failure for this long is forgotten. */
const FORGET_MS = 24 * 3_600_000;
/** Characters of a presented token that name its "prefix" key. */
export const TOKEN_PREFIX_CHARS = 12;
const SWEEP_AT = 10_000;

interface Entry {
  failures: number;
  lastFailureAt: number;
}

/**
 * Failed logins with exponential back-off, counted per client address (under TRUST_PROXY) and per
 * token prefix: after a few free failures each further one doubles the wait (1 s, 2 s, 4 s … 15 min).
 *
 * Nobody is locked out by others' guesses: an address waits only for its own failures, and a
 * prefix under back-off only holds back addresses that have failed themselves; a clean address
 * presenting a token is always checked, so a valid token from it is never refused. Guessing one
 * known prefix from many addresses costs a fresh address per guess; guessing from one address
 * slows down exponentially.
 */
export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds the caller must wait before this attempt is checked, or undefined when it may go on. */
  blocked(address: string, token: string | undefined): number | undefined {
    const now = this.now();
    const own = this.entries.get(addressKey(address));
    if (!own) return undefined;
    let waitMs = remaining(own, now);
    const prefix = token ? this.entries.get(prefixKey(token)) : undefined;
    if (prefix) waitMs = Math.max(waitMs, remaining(prefix, now));
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : undefined;
  }

  recordFailure(address: string, token: string | undefined): void {
    const now = this.now();
    if (this.entries.size >= SWEEP_AT && this.entries.size % SWEEP_AT === 0) this.sweep(now);
    this.bump(addressKey(address), now);
    if (token) this.bump(prefixKey(token), now);
  }

  /** A valid login forgives the address's own earlier failures. */
  recordSuccess(address: string): void {
    this.entries.delete(addressKey(address));
  }

  private bump(key: string, now: number): void {
    const entry = this.entries.get(key);
    if (!entry || now - entry.lastFailureAt > FORGET_MS) this.entries.set(key, { failures: 1, lastFailureAt: now });
    else {
      entry.failures++;
      entry.lastFailureAt = now;
    }
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) if (now - entry.lastFailureAt > FORGET_MS) this.entries.delete(key);
    // Still too many (a flood from many addresses): the oldest keys go first.
    for (const key of this.entries.keys()) {
      if (this.entries.size < SWEEP_AT * 5) break;
      this.entries.delete(key);
    }
  }
}

/** Milliseconds of back-off left for an entry. */
function remaining(entry: Entry, now: number): number {
  if (entry.failures < FREE_FAILURES) return 0;
  const wait = Math.min(MAX_WAIT_MS, BASE_WAIT_MS * 2 ** Math.min(30, entry.failures - FREE_FAILURES));
  return entry.lastFailureAt + wait - now;
}

const addressKey = (address: string) => `a:${address}`;
const prefixKey = (token: string) => `p:${token.slice(0, TOKEN_PREFIX_CHARS)}`;
