import type { Database } from '../../storage/database';
import type { MenuOption } from './render';

/** The last numbered menu of each conversation (wechat_menus), kept across restarts. */
export class MenuStore {
  constructor(private readonly db: Database) {}

  async get(conversationId: string): Promise<MenuOption[] | undefined> {
    const row = await this.db.get<{ options: string }>('SELECT options FROM wechat_menus WHERE conversation_id = ?', [conversationId]);
    if (!row) return undefined;
    try {
      const options = JSON.parse(row.options) as MenuOption[];
      return Array.isArray(options) && options.length ? options : undefined;
    } catch {
      return undefined;
    }
  }

  /** Replaces the conversation's menu; no menu (or an empty one) forgets it. */
  async set(conversationId: string, menu: MenuOption[] | undefined): Promise<void> {
    if (!menu?.length) {
      await this.db.run('DELETE FROM wechat_menus WHERE conversation_id = ?', [conversationId]);
      return;
    }
    await this.db.run(
      `INSERT INTO wechat_menus (conversation_id, options, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(conversation_id) DO UPDATE SET options = excluded.options, updated_at = excluded.updated_at`,
      [conversationId, JSON.stringify(menu), new Date().toISOString()],
    );
  }
}
