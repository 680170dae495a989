/** The current time; injected so tests can move it (deadlines, reminders). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

// setTimeout keeps at most a signed 32-bit delay.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Resolves after `ms`, or as soon as `signal` aborts (never rejects); the timer never keeps the process alive. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, Math.min(ms, MAX_TIMER_MS)));
    // A pending wait must never keep the process alive on shutdown.
    timer.unref?.();
    signal?.addEventListener('abort', done, { once: true });
  });
}
