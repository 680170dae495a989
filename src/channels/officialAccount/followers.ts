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
      `INSERT INTO wechat_oa_followers AS f (open_id, following, followed_at, last_inbound_at, updated_at) VALUES (?, 1, ?, ?, ?)
       ON CONFLICT(open_id) DO UPDATE SET following = 1,
         last_inbound_at = CASE WHEN f.last_inbound_at > excluded.last_inbound_at THEN f.last_inbound_at ELSE excluded.last_inbound_at END,
         followed_at = CASE WHEN f.following = 1 THEN f.followed_at ELSE excluded.followed_at END,
         unfollowed_at = CASE WHEN f.following = 1 THEN f.unfollowed_at ELSE NULL END,
         updated_at = excluded.updated_at`,
      [openId, new Date(at).toISOString(), at, new Date().toISOString()],
    );
  }

  /** The follower unfollowed (event, or error 43004 on a send): nothing more is sent to them. */
  async markUnfollowed(openId: string, at: number): Promise<void> {
    await this.db.run(
      `INSERT INTO wechat_oa_followers (open_id, following, unfollowed_at, updated_at) VALUES (?, 0, ?, ?)
       ON CONFLICT(open_id) DO UPDATE SET following = 0, unfollowed_at = excluded.unfollowed_at, updated_at = excluded.updated_at`,
      [openId, new Date(at).toISOString(), new Date().toISOString()],
    );
  }
}
