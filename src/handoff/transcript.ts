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
 * flight go out together, and reads wait for the lines recorded before them.
 */
export class TranscriptLog {
  private readonly pending = new GroupCommit<PendingLine>((lines) => this.insert(lines));

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
    // Once per user message is enough to keep each conversation near TRANSCRIPT_KEEP lines.
    const pruned = [...new Set(lines.filter((l) => l.role === 'user').map((l) => l.refKey))];
    if (pruned.length === 0) return;
    await this.db.run(
      `DELETE FROM transcript_messages WHERE id IN (
         SELECT id FROM (
           SELECT id, ROW_NUMBER() OVER (PARTITION BY ref_key ORDER BY id DESC) AS recency
             FROM transcript_messages WHERE ref_key IN (${pruned.map(() => '?').join(', ')})
         ) ranked WHERE recency > ?)`,
      [...pruned, TRANSCRIPT_KEEP],
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
