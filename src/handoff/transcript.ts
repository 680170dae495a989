import type { Activity } from 'botbuilder';
import type { Database } from '../storage/database';
import { systemClock, type Clock } from '../clock';

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
    if (title || text) parts.push(`[卡片] ${[title, text].filter(Boolean).join('：')}`);
  }
  const actions = activity.suggestedActions?.actions?.map((a) => a.title ?? String(a.value ?? '')).filter(Boolean) ?? [];
  if (!parts.length && actions.length) parts.push(`[按钮] ${actions.join(' / ')}`);
  const line = parts.join('\n');
  return line ? line.slice(0, MAX_TRANSCRIPT_TEXT) : undefined;
}

/** The last messages of every conversation (table transcript_messages), for hand-off tickets. */
export class TranscriptLog {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock = systemClock,
  ) {}

  async record(refKey: string, role: TranscriptLine['role'], text: string): Promise<void> {
    await this.db.run('INSERT INTO transcript_messages (ref_key, role, text, at) VALUES (?, ?, ?, ?)', [
      refKey,
      role,
      text.slice(0, MAX_TRANSCRIPT_TEXT),
      this.clock().toISOString(),
    ]);
    // Once per user message is enough to keep each conversation near TRANSCRIPT_KEEP lines.
    if (role === 'user') {
      await this.db.run(
        `DELETE FROM transcript_messages WHERE ref_key = ? AND id <= (
           SELECT id FROM transcript_messages WHERE ref_key = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
        [refKey, refKey, TRANSCRIPT_KEEP],
      );
    }
  }

  /** The conversation's last messages, oldest first. */
  async recent(refKey: string, limit = TRANSCRIPT_KEEP): Promise<TranscriptLine[]> {
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
