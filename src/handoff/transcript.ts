import type { Activity } from 'botbuilder';
import type { Database } from '../storage/database';
import { systemClock, type Clock } from '../clock';
import { GroupCommit } from '../storage/groupCommit';
import { TICKET_ADMIN_TEXT } from './copy';

/** Messages kept per conversation: enough context for a hand-off ticket, no more. */
export const TRANSCRIPT_KEEP = 20;
export const MAX_TRANSCRIPT_TEXT = 1000;
/** Transcripts older than this are deleted (tickets keep their own copy). */
export const TRANSCRIPT_RETENTION_DAYS = 30;
/**
 * Lines a conversation may gain past TRANSCRIPT_KEEP before it is pruned again: a prune every
 * few turns instead of every turn, so a conversation holds at most TRANSCRIPT_KEEP +
 * TRANSCRIPT_PRUNE_SLACK lines plus one batch (reads take the last TRANSCRIPT_KEEP).
 */
export const TRANSCRIPT_PRUNE_SLACK = 20;
/** Conversations whose unpruned lines are counted in memory (least recently written forgotten first). */
export const TRANSCRIPT_TRACKED_CONVERSATIONS = 10_000;

export interface TranscriptLine {
  role: 'user' | 'bot';
  text: string;
  at: string;
}

/** What a message shows, as one line of text: its text, or its cards' titles, or its buttons. */
export function describeActivity(activity: Partial<Activity>): string | undefined {
  const parts: string[] = [];
  if (activity.text?.trim()) parts.push(activity.text.trim());
  for (const attachment of activity.attachments ?? []) {
    const card = attachment.content as { title?: unknown; text?: unknown } | undefined;
    const title = typeof card?.title === 'string' ? card.title : '';
    const text = typeof card?.text === 'string' ? card.text : '';
    if (title || text) parts.push(TICKET_ADMIN_TEXT.transcriptCard(title, text));
  }
  const actions = activity.suggestedActions?.actions?.map((a) => a.title ?? String(a.value ?? '')).filter(Boolean) ?? [];
  if (!parts.length && actions.length) parts.push(TICKET_ADMIN_TEXT.transcriptButtons(actions.join(' / ')));
  const line = parts.join('\n');
  return line ? line.slice(0, MAX_TRANSCRIPT_TEXT) : undefined;
}

/** One line waiting for its write. */
interface PendingLine {
  refKey: string;
  role: TranscriptLine['role'];
  text: string;
  at: string;
}

/**
 * The last messages of every conversation (table transcript_messages), for hand-off tickets.
 * Lines are group-committed (every turn writes two or more): lines recorded while a write is in
 * flight go out together, and reads wait for the lines recorded before them. A conversation is
 * pruned to its last TRANSCRIPT_KEEP lines once it has gained TRANSCRIPT_PRUNE_SLACK since the last
 * prune (counted in memory), not after every write.
 */
export class TranscriptLog {
  private readonly pending = new GroupCommit<PendingLine>((lines) => this.insert(lines));
  /** Lines written per conversation since its last prune. */
  private readonly unpruned = new Map<string, number>();
  /** Conversations due for a prune at the next write (forgotten while counted, or their prune failed). */
  private forgotten = new Set<string>();
  /** Whether this process has pruned what an earlier one left. */
  private swept = false;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Resolves once the line is stored. */
  record(refKey: string, role: TranscriptLine['role'], text: string): Promise<void> {
    return this.pending.add({ refKey, role, text: text.slice(0, MAX_TRANSCRIPT_TEXT), at: this.clock().toISOString() });
  }

  private async insert(lines: PendingLine[]): Promise<void> {
    await this.db.run(
      `INSERT INTO transcript_messages (ref_key, role, text, at) VALUES ${lines.map(() => '(?, ?, ?, ?)').join(', ')}`,
      lines.flatMap((l) => [l.refKey, l.role, l.text, l.at]),
    );
    await this.pruneDue(this.countLines(lines));
  }

  /**
   * Prunes the conversations due. Never fails the write: the lines are stored (a failure here
   * would have them written again), and a conversation whose prune failed stays due.
   */
  private async pruneDue(due: Set<string>): Promise<void> {
    try {
      if (!this.swept) {
        // Counts start at zero in a new process: first prune what the last one left over-long.
        const left = await this.db.all<{ ref_key: string }>(
          'SELECT ref_key FROM transcript_messages GROUP BY ref_key HAVING COUNT(*) > ?',
          [TRANSCRIPT_KEEP],
        );
        for (const row of left) due.add(row.ref_key);
        this.swept = true;
      }
      const refKeys = [...due];
      for (let i = 0; i < refKeys.length; i += 500) {
        const chunk = refKeys.slice(i, i + 500);
        await this.prune(chunk);
        for (const refKey of chunk) {
          due.delete(refKey);
          if (this.unpruned.has(refKey)) this.unpruned.set(refKey, 0);
        }
      }
    } catch {
      for (const refKey of due) this.forgotten.add(refKey);
    }
  }

  /**
   * Adds the batch's lines to each conversation's count since its last prune; returns the
   * conversations due for one (their count past the slack, or forgotten while counted).
   */
  private countLines(lines: PendingLine[]): Set<string> {
    const due = this.forgotten;
    this.forgotten = new Set();
    for (const line of lines) {
      const count = (this.unpruned.get(line.refKey) ?? 0) + 1;
      // Delete and set: the map's order is least recently written first.
      this.unpruned.delete(line.refKey);
      this.unpruned.set(line.refKey, count);
      if (count >= TRANSCRIPT_PRUNE_SLACK) due.add(line.refKey);
    }
    for (const [refKey, count] of this.unpruned) {
      if (this.unpruned.size <= TRANSCRIPT_TRACKED_CONVERSATIONS) break;
      this.unpruned.delete(refKey);
      if (count > 0) due.add(refKey);
    }
    return due;
  }

  /** Keeps the last TRANSCRIPT_KEEP lines of each conversation. */
  private async prune(refKeys: string[]): Promise<void> {
    await this.db.run(
      `DELETE FROM transcript_messages WHERE id IN (
         SELECT id FROM (
           SELECT id, ROW_NUMBER() OVER (PARTITION BY ref_key ORDER BY id DESC) AS recency
             FROM transcript_messages WHERE ref_key IN (${refKeys.map(() => '?').join(', ')})
         ) ranked WHERE recency > ?)`,
      [...refKeys, TRANSCRIPT_KEEP],
    );
  }

  /** The conversation's last messages, oldest first. */
  async recent(refKey: string, limit = TRANSCRIPT_KEEP): Promise<TranscriptLine[]> {
    await this.pending.settled();
    const rows = await this.db.all<TranscriptLine>(
      'SELECT role, text, at FROM transcript_messages WHERE ref_key = ? ORDER BY id DESC LIMIT ?',
      [refKey, limit],
    );
    return rows.reverse();
  }

  async purgeOlderThan(days = TRANSCRIPT_RETENTION_DAYS): Promise<number> {
    const cutoff = new Date(this.clock().getTime() - days * 86_400_000).toISOString();
    const { changes } = await this.db.run('DELETE FROM transcript_messages WHERE at < ?', [cutoff]);
    return changes;
  }
}
