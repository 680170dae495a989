import type { Database } from '../../storage/database';

export type WechatConversationKind = 'contact' | 'room';

/** Who is behind a WeChat conversation, kept so proactive sends can find them again. */
export interface WechatConversation {
  conversationId: string;
  kind: WechatConversationKind;
  wechatId: string;
  name?: string;
  alias?: string;
  topic?: string;
}

/** activity.conversation.id of a private chat: one conversation per contact. */
export function contactConversationId(contactId: string): string {
  return `contact:${contactId}`;
}

/** activity.conversation.id of a group chat: one conversation per room. */
export function roomConversationId(roomId: string): string {
  return `room:${roomId}`;
}

export function parseConversationId(conversationId: string): { kind: WechatConversationKind; wechatId: string } | undefined {
  const match = /^(contact|room):(.+)$/s.exec(conversationId);
  return match ? { kind: match[1] as WechatConversationKind, wechatId: match[2] } : undefined;
}

/** The wechat_conversations table. */
export class WechatConversationStore {
  constructor(private readonly db: Database) {}

  async save(conversation: WechatConversation): Promise<void> {
    await this.db.run(
      `INSERT INTO wechat_conversations AS c (conversation_id, kind, wechat_id, name, alias, topic, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(conversation_id) DO UPDATE SET wechat_id = excluded.wechat_id,
         name = COALESCE(excluded.name, c.name), alias = COALESCE(excluded.alias, c.alias),
         topic = COALESCE(excluded.topic, c.topic), updated_at = excluded.updated_at`,
      [
        conversation.conversationId,
        conversation.kind,
        conversation.wechatId,
        conversation.name || null,
        conversation.alias || null,
        conversation.topic || null,
        new Date().toISOString(),
      ],
    );
  }

  /** The stored conversation, or what its id alone tells when it was never stored. */
  async get(conversationId: string): Promise<WechatConversation | undefined> {
    const row = await this.db.get<Row>('SELECT * FROM wechat_conversations WHERE conversation_id = ?', [conversationId]);
    if (row) {
      return {
        conversationId: row.conversation_id,
        kind: row.kind,
        wechatId: row.wechat_id,
        name: row.name ?? undefined,
        alias: row.alias ?? undefined,
        topic: row.topic ?? undefined,
      };
    }
    const parsed = parseConversationId(conversationId);
    return parsed && { conversationId, ...parsed };
  }

  /** Remembers a contact's or room's new id after it was found again by name. */
  async updateWechatId(conversationId: string, wechatId: string): Promise<void> {
    await this.db.run(
      'UPDATE wechat_conversations SET wechat_id = ?, updated_at = ? WHERE conversation_id = ?',
      [wechatId, new Date().toISOString(), conversationId],
    );
  }
}

interface Row {
  conversation_id: string;
  kind: WechatConversationKind;
  wechat_id: string;
  name: string | null;
  alias: string | null;
  topic: string | null;
}
