/** Keys tracked before expired windows are swept (bounds memory under many clients). */
const SWEEP_AT = 10_000;
const WINDOW_MS = 60_000;

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the caller may try again (when not allowed). */
  retryAfterSeconds: number;
}

/** A fixed one-minute window per key (a conversation, or a client address before it has one). */
export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): RateDecision {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      if (!window && this.windows.size >= SWEEP_AT) this.sweep(now);
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    const allowed = window.count <= this.limitPerMinute;
    return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000)) };
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.startedAt >= WINDOW_MS) this.windows.delete(key);
  }
}
