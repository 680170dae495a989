/**
 * The replies of one user turn. Until the passive-reply deadline they are kept (to go back in
 * the HTTP answer); after it, each goes out at once, in order, through `late`.
 */
export class TurnReplies {
  private buffered: string[] = [];
  private late?: (texts: string[]) => Promise<void>;
  private tail: Promise<void> = Promise.resolve();

  async add(texts: string[]): Promise<void> {
    if (!texts.length) return;
    if (!this.late) {
      this.buffered.push(...texts);
      return;
    }
    await this.enqueue(texts);
  }

  /** What was said before the deadline, for the passive reply (taken once). */
  takeBuffered(): string[] {
    return this.buffered.splice(0);
  }

  /** The deadline passed: what was kept and everything said from now on goes through `send`. */
  goLate(send: (texts: string[]) => Promise<void>): Promise<void> {
    this.late = send;
    const kept = this.buffered.splice(0);
    return kept.length ? this.enqueue(kept) : this.tail;
  }

  /** Resolves when every late send so far is done. */
  settled(): Promise<void> {
    return this.tail;
  }

  private enqueue(texts: string[]): Promise<void> {
    const send = this.late;
    if (!send) return Promise.resolve();
    this.tail = this.tail.then(() => send(texts));
    return this.tail;
  }
}

/**
 * A passive reply is one message: the parts joined while they fit in `maxChars`; the
 * rest (if any) goes after it as customer-service messages.
 */
export function passiveAndRest(texts: string[], maxChars: number): { passive?: string; rest: string[] } {
  if (!texts.length) return { rest: [] };
  let passive = texts[0];
  let i = 1;
  for (; i < texts.length; i++) {
    const joined = `${passive}\n\n${texts[i]}`;
    if (Array.from(joined).length > maxChars) break;
    passive = joined;
  }
  return { passive, rest: texts.slice(i) };
}
