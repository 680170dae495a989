import type { ConversationReference } from 'botbuilder';
import type { Database } from './database';

export interface StoredReference {
  refKey: string;
  channelId: string;
  conversationId: string;
  userId: string;
  userName?: string;
  reference: Partial<ConversationReference>;
}

export function referenceKey(channelId: string, conversationId: string): string {
  return `${channelId}|${conversationId}`;
}

/** Every conversation's reference, so the bot can speak first later on any channel. */
export class ConversationReferenceStore {
  /** What was last written per key, so a turn that changes nothing costs no database write. */
  private readonly lastSaved = new Map<string, string>();

  constructor(private readonly db: Database) {}

  /** Saves the reference unless it equals the one last saved (the message id aside). */
  async saveIfChanged(reference: Partial<ConversationReference>): Promise<string> {
    const { activityId: _ignored, ...stable } = reference;
    const key = referenceKey(stable.channelId ?? 'unknown', stable.conversation?.id ?? 'unknown');
    const json = JSON.stringify(stable);
    if (this.lastSaved.get(key) === json) return key;
    await this.save(stable);
    this.lastSaved.set(key, json);
    if (this.lastSaved.size > 10000) this.lastSaved.delete(this.lastSaved.keys().next().value as string);
    return key;
  }

  async save(reference: Partial<ConversationReference>): Promise<string> {
    const channelId = reference.channelId ?? 'unknown';
    const conversationId = reference.conversation?.id ?? 'unknown';
    const key = referenceKey(channelId, conversationId);
    await this.db.run(
      `INSERT INTO conversation_references (ref_key, channel_id, conversation_id, user_id, user_name, service_url, reference, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(ref_key) DO UPDATE SET user_id = excluded.user_id, user_name = excluded.user_name,
         service_url = excluded.service_url, reference = excluded.reference, updated_at = excluded.updated_at`,
      [
        key,
        channelId,
        conversationId,
        reference.user?.id ?? '',
        reference.user?.name ?? null,
        reference.serviceUrl ?? null,
        JSON.stringify(reference),
        new Date().toISOString(),
      ],
    );
    return key;
  }

  async get(refKey: string): Promise<StoredReference | undefined> {
    const row = await this.db.get<Row>('SELECT * FROM conversation_references WHERE ref_key = ?', [refKey]);
    return row && toStored(row);
  }

  async findByUser(channelId: string, userId: string): Promise<StoredReference[]> {
    const rows = await this.db.all<Row>(
      'SELECT * FROM conversation_references WHERE channel_id = ? AND user_id = ? ORDER BY updated_at DESC',
      [channelId, userId],
    );
    return rows.map(toStored);
  }
}

interface Row {
  ref_key: string;
  channel_id: string;
  conversation_id: string;
  user_id: string;
  user_name: string | null;
  reference: string;
}

function toStored(row: Row): StoredReference {
  return {
    refKey: row.ref_key,
    channelId: row.channel_id,
    conversationId: row.conversation_id,
    userId: row.user_id,
    userName: row.user_name ?? undefined,
    reference: JSON.parse(row.reference),
  };
}
