import type { Database, Queryable } from '../storage/database';

/** A recorded consent: who agreed to which version of which notice, when, where. */
export interface Consent {
  id: number;
  kind: string;
  noticeId: string;
  noticeVersion: string;
  channelId: string;
  userId: string;
  conversationId?: string;
  refKey?: string;
  subject?: string;
  grantedAt: string;
  withdrawnAt?: string;
  withdrawnVia?: string;
}

/** What a new consent records: everything but its id and the withdrawal. */
export type ConsentGrantInput = Omit<Consent, 'id' | 'withdrawnAt' | 'withdrawnVia'>;

interface ConsentRow {
  id: number;
  kind: string;
  notice_id: string;
  notice_version: string;
  channel_id: string;
  user_id: string;
  conversation_id: string | null;
  ref_key: string | null;
  subject: string | null;
  granted_at: string;
  withdrawn_at: string | null;
  withdrawn_via: string | null;
}

/**
 * The consents table, general enough for any notice (sign-up privacy notice, later notification
 * subscriptions). Methods taking `q` run inside the caller's transaction.
 */
export class ConsentService {
  constructor(private readonly db: Database) {}

  async grant(q: Queryable, input: ConsentGrantInput): Promise<number> {
    const { lastID } = await q.run(
      `INSERT INTO consents (kind, notice_id, notice_version, channel_id, user_id, conversation_id, ref_key, subject, granted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        input.kind,
        input.noticeId,
        input.noticeVersion,
        input.channelId,
        input.userId,
        input.conversationId ?? null,
        input.refKey ?? null,
        input.subject ?? null,
        input.grantedAt,
      ],
    );
    return lastID;
  }

  async withdraw(q: Queryable, id: number, via: string, at: string): Promise<void> {
    await q.run('UPDATE consents SET withdrawn_at = ?, withdrawn_via = ? WHERE id = ? AND withdrawn_at IS NULL', [at, via, id]);
  }

  async get(id: number): Promise<Consent | undefined> {
    const row = await this.db.get<ConsentRow>('SELECT * FROM consents WHERE id = ?', [id]);
    return row && fromRow(row);
  }

  /** A user's consents of one kind, newest first. */
  async listForUser(channelId: string, userId: string, kind?: string): Promise<Consent[]> {
    const rows = await this.db.all<ConsentRow>(
      `SELECT * FROM consents WHERE channel_id = ? AND user_id = ? ${kind ? 'AND kind = ?' : ''} ORDER BY granted_at DESC, id DESC`,
      kind ? [channelId, userId, kind] : [channelId, userId],
    );
    return rows.map(fromRow);
  }
}

function fromRow(row: ConsentRow): Consent {
  return {
    id: row.id,
    kind: row.kind,
    noticeId: row.notice_id,
    noticeVersion: row.notice_version,
    channelId: row.channel_id,
    userId: row.user_id,
    conversationId: row.conversation_id ?? undefined,
    refKey: row.ref_key ?? undefined,
    subject: row.subject ?? undefined,
    grantedAt: row.granted_at,
    withdrawnAt: row.withdrawn_at ?? undefined,
    withdrawnVia: row.withdrawn_via ?? undefined,
  };
}
