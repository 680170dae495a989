import type { Queryable } from '../storage/database';
import { isMissingTable } from '../storage/errors';
import { redactor } from './redaction';

export interface ErasureRequest {
  /** whose data: the channel and user id the conversations belong to */
  channelId: string;
  userId: string;
  /** the conversation the request came from (always included) */
  conversationId?: string;
  /** what the person typed: mobile, credit code, name… */
  values: Array<string | undefined | null>;
  /** also the contact details of the person's sign-ups still on record (删除我的信息) */
  withRegistrations?: boolean;
}

export interface ErasureReport {
  activities: number;
  transcriptLines: number;
  questions: number;
  /** conversation ids whose web chat history changed (cached copies must be rewritten too) */
  conversations: string[];
}

/** Rows read per statement when rewriting history. */
const BATCH = 200;

/**
 * Redacts what a person typed (mobile, credit code, name) from the conversation records kept
 * about them: web chat history, hand-off transcripts and unanswered questions. Used when consent is
 * withdrawn (取消报名) and on 删除我的信息, next to erasing the registration or profile itself.
 */
export class PersonalDataEraser {
  constructor(private readonly db: Queryable) {}

  async erase(request: ErasureRequest): Promise<ErasureReport & { redact?: (text: string) => string }> {
    const report: ErasureReport = { activities: 0, transcriptLines: 0, questions: 0, conversations: [] };
    const values = [...request.values];
    if (request.withRegistrations) {
      const rows = await this.safeAll<{ contact_name: string | null; mobile: string | null; credit_code: string }>(
        'SELECT contact_name, mobile, credit_code FROM registrations WHERE channel_id = ? AND user_id = ?',
        [request.channelId, request.userId],
      );
      for (const row of rows) values.push(row.contact_name, row.mobile, row.credit_code.startsWith('erased-') ? undefined : row.credit_code);
    }
    const redact = redactor(values);
    if (!redact) return report;
    const conversations = await this.conversationsOf(request);
    for (const conversationId of conversations.directLine) {
      const changed = await this.rewrite(
        'SELECT seq AS id, activity AS text FROM directline_activities WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
        [conversationId],
        'UPDATE directline_activities SET activity = ? WHERE conversation_id = ? AND seq = ?',
        redact,
        (text) => [text, conversationId],
      );
      if (changed) report.conversations.push(conversationId);
      report.activities += changed;
    }
    for (const refKey of conversations.refKeys) {
      report.transcriptLines += await this.rewrite(
        'SELECT id, text FROM transcript_messages WHERE ref_key = ? AND id > ? ORDER BY id LIMIT ?',
        [refKey],
        'UPDATE transcript_messages SET text = ? WHERE id = ?',
        redact,
      );
    }
    report.questions += await this.rewrite(
      `SELECT id, text || ? || coalesce(normalized, '') AS text FROM unanswered_questions
        WHERE channel = ? AND (user_id = ? OR conversation_id IN (${conversations.all.map(() => '?').join(',') || "''"})) AND id > ? ORDER BY id LIMIT ?`,
      ['\u001f', request.channelId, request.userId, ...conversations.all],
      'UPDATE unanswered_questions SET text = ?, normalized = ? WHERE id = ?',
      redact,
      (text) => {
        const [plain, normalized] = text.split('\u001f');
        return [plain, normalized || null];
      },
    );
    return { ...report, redact };
  }

  /** The person's conversations: web chat ones by user id, and every channel's transcript keys. */
  private async conversationsOf(request: ErasureRequest): Promise<{ directLine: string[]; refKeys: string[]; all: string[] }> {
    const ids = new Set<string>(request.conversationId ? [request.conversationId] : []);
    const refKeys = new Set<string>(request.conversationId ? [`${request.channelId}|${request.conversationId}`] : []);
    const directLine = new Set<string>();
    if (request.channelId === 'directline') {
      if (request.conversationId) directLine.add(request.conversationId);
      for (const row of await this.safeAll<{ id: string }>('SELECT conversation_id AS id FROM directline_conversations WHERE user_id = ?', [request.userId])) {
        directLine.add(row.id);
        ids.add(row.id);
      }
    }
    for (const [sql, params] of [
      ['SELECT conversation_id AS id, ref_key AS ref FROM conversation_references WHERE channel_id = ? AND user_id = ?', [request.channelId, request.userId]],
      ['SELECT conversation_id AS id, ref_key AS ref FROM consents WHERE channel_id = ? AND user_id = ?', [request.channelId, request.userId]],
      ['SELECT NULL AS id, ref_key AS ref FROM registrations WHERE channel_id = ? AND user_id = ?', [request.channelId, request.userId]],
    ] as const) {
      for (const row of await this.safeAll<{ id: string | null; ref: string | null }>(sql, [...params])) {
        if (row.id) ids.add(row.id);
        if (row.ref) refKeys.add(row.ref);
      }
    }
    for (const id of ids) refKeys.add(`${request.channelId}|${id}`);
    if (request.channelId === 'directline') for (const id of ids) directLine.add(id);
    return { directLine: [...directLine], refKeys: [...refKeys], all: [...ids] };
  }

  /** Reads rows in batches, rewrites those the redaction changes; resolves with how many changed. */
  private async rewrite(
    select: string,
    params: unknown[],
    update: string,
    redact: (text: string) => string,
    split: (text: string) => unknown[] = (text) => [text],
  ): Promise<number> {
    let changed = 0;
    let after = 0;
    for (;;) {
      const rows = await this.safeAll<{ id: number; text: string }>(select, [...params, after, BATCH]);
      for (const row of rows) {
        const next = redact(row.text);
        if (next !== row.text) {
          await this.db.run(update, [...split(next), row.id]);
          changed++;
        }
      }
      if (rows.length < BATCH) return changed;
      after = rows[rows.length - 1].id;
    }
  }

  /** A query on a table another feature owns: a missing table (feature never migrated) reads as empty. */
  private async safeAll<T>(sql: string, params: unknown[]): Promise<T[]> {
    try {
      return await this.db.all<T>(sql, params);
    } catch (err) {
      if (isMissingTable(err)) return [];
      throw err;
    }
  }
}
