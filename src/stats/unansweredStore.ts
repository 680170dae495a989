/** Questions answered with the honest fallback, stored for officials (table unanswered_questions). */
import type { Queryable } from '../storage/database';
import type { KnowledgeCandidate } from '../nlu/types';

export const MAX_STORED_TEXT = 1000;

export type UnansweredReason = 'out_of_scope' | 'low_confidence' | 'no_topic' | 'unreadable';

export interface UnansweredQuestion {
  text: string;
  normalized?: string;
  channel: string;
  conversationId?: string;
  userId?: string;
  intent?: string;
  intentScore?: number;
  reason: UnansweredReason;
  candidates: KnowledgeCandidate[];
}

export interface UnansweredRow {
  id: number;
  text: string;
  normalized: string | null;
  channel: string;
  conversation_id: string | null;
  user_id: string | null;
  intent: string | null;
  intent_score: number | null;
  reason: string;
  candidates: string;
  created_at: string;
  resolved_at: string | null;
}

export class UnansweredStore {
  constructor(private readonly db: Queryable) {}

  async record(q: UnansweredQuestion): Promise<number> {
    const result = await this.db.run(
      `INSERT INTO unanswered_questions
         (text, normalized, channel, conversation_id, user_id, intent, intent_score, reason, candidates)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        q.text.slice(0, MAX_STORED_TEXT),
        q.normalized?.slice(0, MAX_STORED_TEXT) ?? null,
        q.channel,
        q.conversationId ?? null,
        q.userId ?? null,
        q.intent ?? null,
        q.intentScore ?? null,
        q.reason,
        JSON.stringify(q.candidates.slice(0, 3)),
      ],
    );
    return result.lastID;
  }

  /** Newest first; open ones only unless `includeResolved`. */
  list(limit = 100, includeResolved = false): Promise<UnansweredRow[]> {
    const where = includeResolved ? '' : 'WHERE resolved_at IS NULL';
    return this.db.all<UnansweredRow>(`SELECT * FROM unanswered_questions ${where} ORDER BY id DESC LIMIT ?`, [limit]);
  }

  async resolve(id: number): Promise<boolean> {
    const r = await this.db.run('UPDATE unanswered_questions SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL', [new Date().toISOString(), id]);
    return r.changes > 0;
  }
}
