import type { Database } from '../../storage/database';

/** What the channel knows of one follower. */
export interface Follower {
  openId: string;
  following: boolean;
  /** epoch ms of their last message, menu click, follow or scan */
  lastInboundAt?: number;
}

/** The wechat_oa_followers table. */
export class FollowerStore {
  constructor(private readonly db: Database) {}

  async get(openId: string): Promise<Follower | undefined> {
    const row = await this.db.get<{ open_id: string; following: number; last_inbound_at: number | null }>(
      'SELECT open_id, following, last_inbound_at FROM wechat_oa_followers WHERE open_id = ?',
      [openId],
    );
    return row && { openId: row.open_id, following: row.following === 1, lastInboundAt: row.last_inbound_at ?? undefined };
  }

  /** The follower wrote, clicked or scanned: they follow, and the 48-hour window opens again. */
  async touch(openId: string, at: number): Promise<void> {
    await this.db.run(
      `INSERT INTO wechat_oa_followers (open_id, following, followed_at, last_inbound_at) VALUES (?, 1, ?, ?)
       ON CONFLICT(open_id) DO UPDATE SET following = 1, last_inbound_at = MAX(COALESCE(last_inbound_at, 0), excluded.last_inbound_at),
         followed_at = CASE WHEN following = 1 THEN followed_at ELSE excluded.followed_at END,
         unfollowed_at = CASE WHEN following = 1 THEN unfollowed_at ELSE NULL END,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
      [openId, new Date(at).toISOString(), at],
    );
  }

  /** The follower unfollowed (event, or error 43004 on a send): nothing more is sent to them. */
  async markUnfollowed(openId: string, at: number): Promise<void> {
    await this.db.run(
      `INSERT INTO wechat_oa_followers (open_id, following, unfollowed_at) VALUES (?, 0, ?)
       ON CONFLICT(open_id) DO UPDATE SET following = 0, unfollowed_at = excluded.unfollowed_at,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
      [openId, new Date(at).toISOString()],
    );
  }
}
