import { sleep, systemClock as wallClock } from '../../clock';

/** How the WeChat lane paces itself: the time, waiting and chance, injectable so tests run without real delays. */
export interface Pacing {
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1). */
  random(): number;
}

export const systemPacing: Pacing = { now: () => wallClock().getTime(), sleep, random: () => Math.random() };
