/** enterprise_profiles: the shared part of an enterprise profile, by 统一社会信用代码. */
import type { Database } from '../storage/database';
import { sanitizeProfile, sharedPart, type EnterpriseProfile } from './profile';

interface ProfileRow {
  credit_code: string;
  name: string | null;
  profile: string;
  created_at: string;
  updated_at: string;
}

export class EnterpriseProfileRepository {
  constructor(private readonly db: Database) {}

  /** The enterprise's shared facts; undefined when unknown (or the stored JSON is unusable). */
  async get(creditCode: string): Promise<EnterpriseProfile | undefined> {
    const row = await this.db.get<ProfileRow>('SELECT * FROM enterprise_profiles WHERE credit_code = ?', [creditCode]);
    if (!row) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.profile);
    } catch {
      return undefined;
    }
    const profile = sanitizeProfile({ ...(parsed as object), name: row.name ?? undefined, creditCode: row.credit_code, updatedAt: row.updated_at });
    return profile;
  }

  /** Stores (or replaces) the shared part of a profile that has a credit code. */
  async save(profile: EnterpriseProfile, now: Date): Promise<void> {
    if (!profile.creditCode) return;
    const shared = sharedPart(profile);
    const at = now.toISOString();
    await this.db.run(
      `INSERT INTO enterprise_profiles (credit_code, name, profile, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (credit_code) DO UPDATE SET name = excluded.name, profile = excluded.profile, updated_at = excluded.updated_at`,
      [profile.creditCode, shared.name ?? null, JSON.stringify(shared), at, at],
    );
  }

  /** True when a row was deleted. */
  async delete(creditCode: string): Promise<boolean> {
    const { changes } = await this.db.run('DELETE FROM enterprise_profiles WHERE credit_code = ?', [creditCode]);
    return changes > 0;
  }
}
