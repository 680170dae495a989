import type { InboundMessage } from './xml';

/** How long a push is remembered: WeChat retries three times within about 15 seconds. */
const REMEMBER_MS = 5 * 60_000;
const MAX_ENTRIES = 10_000;

/** The identity of a push: MsgId for messages, sender + CreateTime (+ event) for events. */
export function pushKey(message: InboundMessage): string {
  if (message.msgId) return `msg:${message.msgId}`;
  return `event:${message.fromUserName}:${message.createTime}:${message.event ?? ''}:${message.eventKey ?? ''}`;
}

/**
 * Remembers the answer to each recent push, so a push WeChat sends again (it retries when no
 * answer arrives within 5 seconds) is handled once and gets the same answer.
 */
export class PushDedupe<T> {
  private readonly seen = new Map<string, { at: number; answer: Promise<T> }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The answer of an earlier delivery of `key`, or undefined (and `answer` is remembered). */
  once(key: string, answer: () => Promise<T>): { first: boolean; answer: Promise<T> } {
    const now = this.now();
    const known = this.seen.get(key);
    if (known && now - known.at < REMEMBER_MS) return { first: false, answer: known.answer };
    this.prune(now);
    const entry = { at: now, answer: answer() };
    this.seen.set(key, entry);
    return { first: true, answer: entry.answer };
  }

  private prune(now: number): void {
    for (const [key, entry] of this.seen) {
      if (now - entry.at < REMEMBER_MS && this.seen.size < MAX_ENTRIES) break;
      this.seen.delete(key);
    }
  }
}
