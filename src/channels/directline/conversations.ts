import type { Activity } from 'botbuilder';
import type { Queryable } from '../../storage/database';
import type { ConversationRecord, DirectLineStore, StoredActivity } from './store';

export const DIRECTLINE_CHANNEL_ID = 'directline';
/** Most activities one GET (or one stream frame of history) returns; clients page with the watermark. */
export const PAGE_SIZE = 500;
/** Typing indicators are live signals: older ones are skipped when history is replayed. */
export const TYPING_REPLAY_MS = 10_000;

/** Activities kept in memory per conversation, so polling reads rarely touch the database. */
const RECENT_PER_CONVERSATION = 32;
/** Conversations kept in memory (at most ~32k activities); idle ones beyond this reload from SQLite. */
const MAX_LIVE_CONVERSATIONS = 1000;
/**
 * Shared database: after another process appended to a conversation, its polls here read the
 * database for this long (a client that moved between instances may do so again), instead of the
 * cache, which learns of the other's appends only when their notification arrives.
 */
const FOREIGN_WRITER_MS = 60_000;
/**
 * Shared database: a cache is trusted this long after it was last read from the database, which
 * bounds any staleness nothing announced (a notification connection that went silent without breaking).
 */
const CACHE_TRUST_MS = 30_000;

export type StreamListener = (entry: StoredActivity) => void;

/** One conversation's in-memory state; the database stays the source of truth. */
export class LiveConversation {
  userId?: string;
  userName?: string;
  locale?: string;
  /** Highest seq handed out (some may still be on their way to the database). */
  allocatedSeq: number;
  /** Highest seq stored: what readers may see. */
  visibleSeq: number;
  /** The newest stored activities, contiguous: every stored activity after recent[0] is here. */
  recent: StoredActivity[];
  readonly listeners = new Set<StreamListener>();
  /** Appends and turns in progress; a busy conversation is never dropped from memory. */
  busy = 0;
  /** Turns run one at a time per conversation, in arrival order. */
  turnChain: Promise<void> = Promise.resolve();
  lastTimestampMs = 0;
  /** Shared database: appends of this process, one at a time in call order (see appendShared). */
  appendChain: Promise<unknown> = Promise.resolve();
  /** Shared database: highest seq handed to the listeners by a catch-up read. */
  dispatchedSeq: number;
  /** Shared database: appends of this process in flight. */
  appending = 0;
  /** Shared database: a catch-up read is running; `catchUpAgain` asks it for one more round. */
  catchingUp = false;
  catchUpAgain = false;
  /** Shared database: the last seq `recent` covers (every stored activity up to it is there, or older than recent[0]). */
  cachedSeq: number;
  /** Shared database: the notification epoch in which `recent` was last known complete (-1: never). */
  cacheEpoch = -1;
  /** Shared database: until when polls here read the database (another process appended). */
  foreignUntil = 0;
  /** Shared database: when `recent` was last read from the database (see CACHE_TRUST_MS). */
  verifiedAt = 0;

  constructor(
    readonly id: string,
    record: ConversationRecord,
    lastSeq: number,
    recent: StoredActivity[],
  ) {
    this.userId = record.userId;
    this.userName = record.userName;
    this.locale = record.locale;
    this.allocatedSeq = lastSeq;
    this.visibleSeq = lastSeq;
    this.dispatchedSeq = lastSeq;
    this.cachedSeq = lastSeq;
    this.recent = recent;
  }
}

export interface ReadResult {
  /** The activities after the watermark, each as its JSON text. */
  activityJson: string[];
  watermark: string;
}

/** The Direct Line body of a read, `{ activities, watermark }`, spliced from the stored texts. */
export function pageBody(page: ReadResult): string {
  return `{"activities":[${page.activityJson.join(',')}],"watermark":${JSON.stringify(page.watermark)}}`;
}

export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

/** The seq of an activity id of this conversation, or undefined. */
export function seqOfActivityId(conversationId: string, id: string | undefined): number | undefined {
  const prefix = `${conversationId}|`;
  if (!id?.startsWith(prefix)) return undefined;
  const seq = Number(id.slice(prefix.length));
  return Number.isInteger(seq) && seq > 0 ? seq : undefined;
}

/**
 * The conversations' activity streams: assigns ids, timestamps and watermarks, persists through
 * the store, serves reads from a small in-memory tail and notifies stream listeners.
 */
export class DirectLineConversations {
  private readonly live = new Map<string, LiveConversation>();
  private readonly loading = new Map<string, Promise<LiveConversation | undefined>>();
  /**
   * Shared database: whether this process receives other processes' append notifications now,
   * and a counter bumped whenever that starts or stops. A cache known complete in the current
   * epoch, while listening, hears of every later append; one from an earlier epoch may have missed some.
   */
  private listening = false;
  private epoch = 0;

  constructor(private readonly store: DirectLineStore) {}

  /** Shared database: the notification connection listens (again); notifications sent meanwhile were lost. */
  notificationsUp(): void {
    this.epoch++;
    this.listening = true;
  }

  /** Shared database: the notification connection is down; polls read the database until it is back. */
  notificationsDown(): void {
    this.epoch++;
    this.listening = false;
  }

  /** Creates a conversation; resolves with it and whether it is new. */
  async create(record: ConversationRecord): Promise<{ conversation: LiveConversation; created: boolean }> {
    const epoch = this.listening ? this.epoch : -1;
    const created = await this.store.createConversation(record);
    if (created) {
      // Just inserted: it is the record given and has no activities yet, so nothing to read back
      // (unless a get() racing with the insert loaded it first: that copy stays the one in use).
      const id = record.conversationId;
      const existing = this.live.get(id) ?? (await this.loading.get(id));
      if (existing) return { conversation: existing, created };
      const conversation = new LiveConversation(id, record, 0, []);
      if (epoch >= 0 && epoch === this.epoch) this.trust(conversation, epoch);
      this.live.set(id, conversation);
      this.evictIdle();
      return { conversation, created };
    }
    const conversation = await this.get(record.conversationId);
    if (!conversation) throw new Error('conversation vanished right after it was created');
    return { conversation, created };
  }

  /** The conversation, loaded from the database if needed; undefined when unknown. */
  async get(conversationId: string): Promise<LiveConversation | undefined> {
    const cached = this.live.get(conversationId);
    if (cached) {
      // Re-insert to keep the Map in least-recently-used order.
      this.live.delete(conversationId);
      this.live.set(conversationId, cached);
      // Shared database: another process may have named the user since (its first message there).
      if (this.store.shared && !cached.userId) await this.refreshUser(cached);
      return cached;
    }
    let pending = this.loading.get(conversationId);
    if (!pending) {
      pending = this.load(conversationId).finally(() => this.loading.delete(conversationId));
      this.loading.set(conversationId, pending);
    }
    return pending;
  }

  private async refreshUser(conversation: LiveConversation): Promise<void> {
    const record = await this.store.getConversation(conversation.id);
    if (!record?.userId || conversation.userId) return;
    conversation.userId = record.userId;
    conversation.userName = record.userName;
  }

  async setUser(conversation: LiveConversation, userId: string, userName?: string): Promise<void> {
    conversation.userId = userId;
    conversation.userName = userName;
    await this.store.setUser(conversation.id, userId, userName);
  }

  /**
   * Stores an activity at the end of the stream and tells listeners. The activity gets its id,
   * timestamp, channel and conversation here; `reuseId` re-sends an updated activity under its
   * old id (Web Chat replaces the one it shows).
   */
  async append(conversation: LiveConversation, activity: Partial<Activity>, reuseId?: string): Promise<Partial<Activity>> {
    if (this.store.shared) return (await this.appendShared(conversation, [activity], reuseId))[0];
    const seq = ++conversation.allocatedSeq;
    const { stored, nowMs } = stamped(conversation, activity, seq, reuseId);
    // Serialised once: the caller may change its objects later without changing the history.
    const entry: StoredActivity = { seq, type: stored.type ?? 'message', json: JSON.stringify(stored), timestampMs: nowMs };
    conversation.busy++;
    try {
      await this.store.append(conversation.id, seq, entry.type, entry.json);
    } finally {
      conversation.busy--;
    }
    conversation.visibleSeq = Math.max(conversation.visibleSeq, seq);
    conversation.recent.push(entry);
    if (conversation.recent.length > RECENT_PER_CONVERSATION) conversation.recent.shift();
    for (const listener of conversation.listeners) listener(entry);
    return stored;
  }

  /**
   * Stores activities at the end of the stream in one transaction with `inTransaction` (the
   * delivery pipeline marks its message sent there): either both are written or neither is.
   */
  async appendAtomically(
    conversation: LiveConversation,
    activities: Array<Partial<Activity>>,
    inTransaction: (tx: Queryable) => Promise<void>,
  ): Promise<Array<Partial<Activity>>> {
    if (this.store.shared) return this.appendShared(conversation, activities, undefined, inTransaction);
    const entries: StoredActivity[] = [];
    const stored: Array<Partial<Activity>> = [];
    for (const activity of activities) {
      const seq = ++conversation.allocatedSeq;
      const nowMs = Math.max(Date.now(), conversation.lastTimestampMs + 1);
      conversation.lastTimestampMs = nowMs;
      const { serviceUrl: _internal, ...rest } = activity;
      const item: Partial<Activity> = {
        ...rest,
        id: activityId(conversation.id, seq),
        timestamp: new Date(nowMs).toISOString() as unknown as Date,
        channelId: DIRECTLINE_CHANNEL_ID,
        conversation: { id: conversation.id } as Activity['conversation'],
      };
      stored.push(item);
      entries.push({ seq, type: item.type ?? 'message', json: JSON.stringify(item), timestampMs: nowMs });
    }
    conversation.busy++;
    try {
      await this.store.appendAtomically(conversation.id, entries, inTransaction);
    } finally {
      conversation.busy--;
    }
    for (const entry of entries) {
      conversation.visibleSeq = Math.max(conversation.visibleSeq, entry.seq);
      conversation.recent.push(entry);
      if (conversation.recent.length > RECENT_PER_CONVERSATION) conversation.recent.shift();
      for (const listener of conversation.listeners) listener(entry);
    }
    return stored;
  }

  /**
   * Shared database: the seqs follow the last one this process has seen committed (visibleSeq:
   * its own appends, reads and other processes' notifications); when another process took them
   * first the store reads the last seq back and this composes again. The listeners are woken
   * after the commit, from memory when nothing was appended in between, else by a catch-up read.
   * This process's appends to one conversation run one after another, so they keep their order.
   */
  private async appendShared(
    conversation: LiveConversation,
    activities: Array<Partial<Activity>>,
    reuseId?: string,
    inTransaction?: (tx: Queryable) => Promise<void>,
  ): Promise<Array<Partial<Activity>>> {
    let stored: Array<Partial<Activity>> = [];
    let timestamps: number[] = [];
    const compose = (lastSeq: number) => {
      stored = [];
      timestamps = [];
      return activities.map((activity, i) => {
        const seq = lastSeq + 1 + i;
        const { stored: item, nowMs } = stamped(conversation, activity, seq, reuseId);
        timestamps.push(nowMs);
        stored.push(item);
        return { seq, type: item.type ?? 'message', json: JSON.stringify(item) };
      });
    };
    conversation.busy++;
    conversation.appending++;
    const run = conversation.appendChain.then(() => this.store.appendNext(conversation.id, conversation.visibleSeq, compose, inTransaction));
    conversation.appendChain = run.catch(() => undefined);
    let entries: StoredActivity[];
    try {
      entries = (await run).map((entry, i) => ({ ...entry, timestampMs: timestamps[i] }));
    } finally {
      conversation.busy--;
      conversation.appending--;
    }
    const first = entries[0].seq;
    const last = entries[entries.length - 1].seq;
    conversation.allocatedSeq = Math.max(conversation.allocatedSeq, last);
    conversation.visibleSeq = Math.max(conversation.visibleSeq, last);
    if (first === conversation.cachedSeq + 1) {
      // Right after what the cache holds: it stays complete. Otherwise (another process appended
      // in between) visibleSeq is now beyond cachedSeq, and polls read the database until one refills it.
      conversation.recent.push(...entries);
      if (conversation.recent.length > RECENT_PER_CONVERSATION) conversation.recent.splice(0, conversation.recent.length - RECENT_PER_CONVERSATION);
      conversation.cachedSeq = last;
    }
    if (conversation.listeners.size === 0) {
      // No stream open here: a stream opened from now on reads this append with its history.
      conversation.dispatchedSeq = Math.max(conversation.dispatchedSeq, last);
    } else if (!conversation.catchingUp && conversation.dispatchedSeq === first - 1) {
      conversation.dispatchedSeq = last;
      for (const entry of entries) for (const listener of conversation.listeners) listener(entry);
    } else {
      void this.catchUp(conversation);
    }
    return stored;
  }

  /**
   * Shared database: hands the listeners (streams) of this process every stored activity after the
   * last one they were given, read from the database in seq order — whichever process appended it.
   * Runs after a local append, a notification from another process, or a fallback poll.
   */
  async catchUp(conversation: LiveConversation): Promise<void> {
    if (conversation.listeners.size === 0) return;
    if (conversation.catchingUp) {
      conversation.catchUpAgain = true;
      return;
    }
    conversation.catchingUp = true;
    try {
      do {
        conversation.catchUpAgain = false;
        for (;;) {
          const entries = await this.store.after(conversation.id, conversation.dispatchedSeq, PAGE_SIZE);
          for (const entry of entries) {
            if (entry.seq <= conversation.dispatchedSeq) continue;
            conversation.dispatchedSeq = entry.seq;
            conversation.visibleSeq = Math.max(conversation.visibleSeq, entry.seq);
            for (const listener of conversation.listeners) listener(entry);
          }
          if (entries.length < PAGE_SIZE) break;
        }
      } while (conversation.catchUpAgain && conversation.listeners.size > 0);
    } catch {
      // The next notification or fallback poll reads again from the same seq.
    } finally {
      conversation.catchingUp = false;
    }
  }

  /**
   * Shared database: a process (another, or this one) appended to this conversation, up to
   * `lastSeq` when the notification says. Nothing to read when this process has handed that out already.
   */
  notified(conversationId: string, lastSeq?: number, origin?: string): void {
    const conversation = this.live.get(conversationId);
    if (!conversation) return;
    const own = origin === this.store.origin;
    if (!own) conversation.foreignUntil = Date.now() + FOREIGN_WRITER_MS;
    if (lastSeq !== undefined) {
      // Committed: the next append here composes after it instead of colliding with it.
      conversation.visibleSeq = Math.max(conversation.visibleSeq, lastSeq);
      // An append of this process still in flight wakes the listeners itself once its statement returns.
      if (lastSeq <= conversation.dispatchedSeq || (own && conversation.appending > 0)) return;
    }
    void this.catchUp(conversation);
  }

  /** Shared database: catches up every conversation with listeners (after a lost notification channel). */
  catchUpAll(): void {
    for (const conversation of this.live.values()) if (conversation.listeners.size > 0) void this.catchUp(conversation);
  }

  /** Whether any conversation of this process has a listener (an open stream). */
  get hasListeners(): boolean {
    for (const conversation of this.live.values()) if (conversation.listeners.size > 0) return true;
    return false;
  }

  /** Activities after the watermark (a seq), and the watermark to ask with next time. */
  async read(conversation: LiveConversation, afterSeq: number, limit = PAGE_SIZE): Promise<ReadResult> {
    if (this.store.shared) return this.readShared(conversation, afterSeq, limit);
    const firstCached = conversation.recent[0]?.seq ?? conversation.visibleSeq + 1;
    let entries: StoredActivity[];
    if (afterSeq >= firstCached - 1) {
      entries = [];
      for (const entry of conversation.recent) {
        if (entry.seq > afterSeq) entries.push(entry);
        if (entries.length === limit) break;
      }
    } else {
      entries = await this.store.after(conversation.id, afterSeq, limit);
    }
    const watermark = entries.length > 0 ? entries[entries.length - 1].seq : Math.min(afterSeq, conversation.visibleSeq);
    const now = Date.now();
    return { activityJson: entries.filter((e) => !isStaleTyping(e, now)).map((e) => e.json), watermark: String(watermark) };
  }

  /**
   * Shared database: from the cache when it is known complete (this process listens, has heard of
   * no append it has not cached, and no other process appended lately) and holds something new for
   * the client; otherwise from the database, which then refills the cache. A client with nothing
   * new in the cache always reads the database, so a poll never comes back empty while the
   * database has more (an append on another instance whose notification is still on its way).
   */
  private async readShared(conversation: LiveConversation, afterSeq: number, limit: number): Promise<ReadResult> {
    const now = Date.now();
    if (this.cacheTrusted(conversation, now) && afterSeq < conversation.cachedSeq) {
      const firstCached = conversation.recent[0]?.seq ?? conversation.cachedSeq + 1;
      if (afterSeq >= firstCached - 1) {
        const entries: StoredActivity[] = [];
        for (const entry of conversation.recent) {
          if (entry.seq > afterSeq) entries.push(entry);
          if (entries.length === limit) break;
        }
        const watermark = entries.length > 0 ? entries[entries.length - 1].seq : afterSeq;
        return { activityJson: entries.filter((e) => !isStaleTyping(e, now)).map((e) => e.json), watermark: String(watermark) };
      }
    }
    const epoch = this.listening ? this.epoch : -1;
    const entries = await this.store.after(conversation.id, afterSeq, limit);
    let watermark: number;
    if (entries.length > 0) {
      watermark = entries[entries.length - 1].seq;
      conversation.visibleSeq = Math.max(conversation.visibleSeq, watermark);
    } else {
      // A watermark beyond the stream (a client's mistake) is brought back to its end.
      watermark = afterSeq <= conversation.visibleSeq ? afterSeq : Math.min(afterSeq, await this.store.lastSeq(conversation.id));
    }
    if (entries.length < limit) this.refill(conversation, afterSeq, entries, epoch);
    return { activityJson: entries.filter((e) => !isStaleTyping(e, now)).map((e) => e.json), watermark: String(watermark) };
  }

  private cacheTrusted(conversation: LiveConversation, now: number): boolean {
    return (
      this.listening &&
      conversation.cacheEpoch === this.epoch &&
      now >= conversation.foreignUntil &&
      now - conversation.verifiedAt < CACHE_TRUST_MS &&
      conversation.visibleSeq <= conversation.cachedSeq
    );
  }

  /**
   * Shared database: a read of everything stored after `afterSeq` (`entries`, the end of the
   * stream when it was read) brings the cache up to date, and makes it trusted when the read
   * started while listening in the current epoch (later appends are then notified).
   */
  private refill(conversation: LiveConversation, afterSeq: number, entries: StoredActivity[], epoch: number): void {
    const trusted = epoch >= 0 && epoch === this.epoch;
    if (entries.length === 0) {
      if (afterSeq === conversation.cachedSeq && trusted) this.trust(conversation, epoch);
      return;
    }
    const first = entries[0].seq;
    const last = entries[entries.length - 1].seq;
    // Not contiguous with what was asked (rows removed by retention), or older than the cache
    // (an append of this process landed while reading): leave the cache as it is.
    if (first !== afterSeq + 1 || last < conversation.cachedSeq) return;
    const kept = conversation.recent.filter((entry) => entry.seq < first);
    const joins = kept.length > 0 && kept[kept.length - 1].seq === first - 1;
    conversation.recent = (joins ? [...kept, ...entries] : entries).slice(-RECENT_PER_CONVERSATION);
    conversation.cachedSeq = last;
    if (trusted) this.trust(conversation, epoch);
  }

  private trust(conversation: LiveConversation, epoch: number): void {
    conversation.cacheEpoch = epoch;
    conversation.verifiedAt = Date.now();
  }

  /**
   * Shared database: another process rewrote or cut these conversations' stored history (`*`:
   * every conversation's); their cached copies go, and polls read the database until it refills them.
   */
  rewritten(conversationId: string, origin?: string): void {
    if (origin === this.store.origin) return; // rewritten here already (rewriteCached, forgetBefore)
    const targets = conversationId === '*' ? [...this.live.values()] : [this.live.get(conversationId)];
    for (const conversation of targets) {
      if (!conversation) continue;
      conversation.recent = [];
      conversation.cacheEpoch = -1;
    }
  }

  /** Applies a redaction to the cached copies of these conversations' history (the database was rewritten). */
  rewriteCached(conversationIds: string[], rewrite: (json: string) => string): void {
    // Shared database: the other processes drop their copies (a redaction runs on one instance).
    void this.store.announceRewrite(conversationIds).catch(() => undefined);
    for (const id of conversationIds) {
      const conversation = this.live.get(id);
      if (!conversation) continue;
      conversation.recent = conversation.recent.map((entry) => ({ ...entry, json: rewrite(entry.json) }));
    }
  }

  /** Drops cached activities older than `cutoff` (the retention job deleted them from the database). */
  forgetBefore(cutoff: Date): void {
    // Shared database: the retention job runs on one instance; the others drop every cached copy.
    void this.store.announceRewrite(['*']).catch(() => undefined);
    const limit = cutoff.getTime();
    for (const conversation of this.live.values()) {
      const kept = conversation.recent.filter((entry) => !(timestampOf(entry) < limit));
      if (kept.length !== conversation.recent.length) conversation.recent = kept;
    }
  }

  subscribe(conversation: LiveConversation, listener: StreamListener): () => void {
    conversation.listeners.add(listener);
    return () => conversation.listeners.delete(listener);
  }

  /** Runs `work` after the conversation's earlier turns; resolves or rejects with it. */
  enqueueTurn(conversation: LiveConversation, work: () => Promise<void>): Promise<void> {
    conversation.busy++;
    const run = conversation.turnChain.then(work);
    conversation.turnChain = run.catch(() => undefined);
    return run.finally(() => {
      conversation.busy--;
    });
  }

  private async load(conversationId: string): Promise<LiveConversation | undefined> {
    const record = await this.store.getConversation(conversationId);
    if (!record) return undefined;
    const epoch = this.listening ? this.epoch : -1;
    const recent = await this.store.tail(conversationId, RECENT_PER_CONVERSATION);
    const lastSeq = recent.length > 0 ? recent[recent.length - 1].seq : 0;
    const conversation = new LiveConversation(conversationId, record, lastSeq, recent);
    // Complete as read; later appends by other processes are notified, if it listened throughout.
    if (epoch >= 0 && epoch === this.epoch) this.trust(conversation, epoch);
    const last = recent[recent.length - 1];
    const lastTimestamp = last ? timestampOf(last) : NaN;
    if (Number.isFinite(lastTimestamp)) conversation.lastTimestampMs = lastTimestamp;
    this.live.set(conversationId, conversation);
    this.evictIdle();
    return conversation;
  }

  private evictIdle(): void {
    if (this.live.size <= MAX_LIVE_CONVERSATIONS) return;
    for (const [id, conversation] of this.live) {
      if (this.live.size <= MAX_LIVE_CONVERSATIONS) break;
      if (conversation.busy === 0 && conversation.listeners.size === 0) this.live.delete(id);
    }
  }
}

/**
 * The activity as stored at `seq`: its id, a timestamp after the conversation's last (an ISO string, as clients get
 * it and as it reads back after a restart), the channel and the conversation; the internal serviceUrl dropped.
 */
function stamped(conversation: LiveConversation, activity: Partial<Activity>, seq: number, reuseId?: string): { stored: Partial<Activity>; nowMs: number } {
  const nowMs = Math.max(Date.now(), conversation.lastTimestampMs + 1);
  conversation.lastTimestampMs = nowMs;
  const { serviceUrl: _internal, ...rest } = activity;
  const stored: Partial<Activity> = {
    ...rest,
    id: reuseId ?? activityId(conversation.id, seq),
    timestamp: new Date(nowMs).toISOString() as unknown as Date,
    channelId: DIRECTLINE_CHANNEL_ID,
    conversation: { id: conversation.id } as Activity['conversation'],
  };
  return { stored, nowMs };
}

function isStaleTyping(entry: StoredActivity, now: number): boolean {
  if (entry.type !== 'typing') return false;
  const at = timestampOf(entry);
  return !Number.isFinite(at) || now - at > TYPING_REPLAY_MS;
}

/** When the entry was appended, in ms (NaN if its text carries no valid timestamp). */
function timestampOf(entry: StoredActivity): number {
  if (entry.timestampMs !== undefined) return entry.timestampMs;
  const { timestamp } = JSON.parse(entry.json) as { timestamp?: unknown };
  return Date.parse(String(timestamp ?? ''));
}
