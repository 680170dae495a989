import type { Queryable } from '../storage/database';
import { ENTERPRISE_PROFILE_PROPERTY } from '../advisor/profile';

/** Which company asked: from the user's advisor profile, else their latest sign-up. */
export interface TicketCompany {
  name?: string;
  tier?: 1 | 2 | 3;
  source: 'profile' | 'registration';
}

/** The company behind a conversation's user, as far as the bot knows it. */
export async function companyFor(q: Queryable, channelId: string, userId: string): Promise<TicketCompany | undefined> {
  // UserState documents are stored under `${channelId}/users/${userId}/` (botbuilder's key).
  const state = await q.get<{ doc: string }>('SELECT doc FROM bot_state WHERE key IN (?, ?) LIMIT 1', [
    `${channelId}/users/${userId}/`,
    `${channelId}/users/${userId}`,
  ]);
  if (state) {
    try {
      const profile = (JSON.parse(state.doc) as Record<string, unknown>)[ENTERPRISE_PROFILE_PROPERTY] as { name?: unknown; tier?: unknown } | undefined;
      const name = typeof profile?.name === 'string' && profile.name ? profile.name : undefined;
      const tier = profile?.tier === 1 || profile?.tier === 2 || profile?.tier === 3 ? profile.tier : undefined;
      if (name || tier) return { name, tier, source: 'profile' };
    } catch {
      // an unreadable state document tells nothing
    }
  }
  const row = await q.get<{ enterprise_name: string; tier: number | null }>(
    `SELECT enterprise_name, tier FROM registrations WHERE channel_id = ? AND user_id = ? ORDER BY registered_at DESC, id DESC LIMIT 1`,
    [channelId, userId],
  );
  if (!row) return undefined;
  return { name: row.enterprise_name, tier: row.tier === 1 || row.tier === 2 || row.tier === 3 ? row.tier : undefined, source: 'registration' };
}
