interface Queued<T> {
  item: T;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for small writes that every turn makes (transcript lines, question counts): items
 * added during one pass of the event loop go out together, and items added while a write is in
 * flight go out together in the next one. An idle turn's items (a user line, then the bot's
 * replies) take one trip through the database lock; a busy server's, one for many turns. Items
 * wait at most one event-loop pass plus the write in flight: a crash loses no more than that.
 */
export class GroupCommit<T> {
  private readonly queue: Array<Queued<T>> = [];
  private flushing = false;
  /** Settles after the last item added so far is written (items are written in order). */
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly write: (items: T[]) => Promise<unknown>,
    private readonly maxBatch = 250,
  ) {}

  /** Queues `item`; resolves once it is stored, rejects if its write failed. */
  add(item: T): Promise<void> {
    const stored = new Promise<void>((resolve, reject) => this.queue.push({ item, resolve, reject }));
    this.last = stored.catch(() => undefined);
    if (!this.flushing) {
      this.flushing = true;
      setImmediate(() => void this.flush());
    }
    return stored;
  }

  /** Resolves when every item added before this call has been written (or has failed). */
  settled(): Promise<void> {
    return this.last.then(() => undefined);
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          await this.write(batch.map((q) => q.item));
          for (const q of batch) q.resolve();
        } catch (err) {
          if (batch.length === 1) {
            batch[0].reject(err);
            continue;
          }
          // One bad item must not fail its neighbours: write them one by one to find it.
          for (const q of batch) {
            try {
              await this.write([q.item]);
              q.resolve();
            } catch (itemErr) {
              q.reject(itemErr);
            }
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
