import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../storage/database';
import { systemClock, type Clock } from '../clock';
import { isRole, type Actor, type Role } from '../officials/roles';

/** Tokens shorter than this in ADMIN_TOKENS are refused: they could be guessed. */
export const MIN_TOKEN_LENGTH = 16;
const NAME_PATTERN = /^[\p{L}\p{N}_.@-]{1,40}$/u;

export interface TokenInfo {
  id: number;
  name: string;
  role: Role;
  createdAt: string;
  createdBy: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

interface TokenRow {
  id: number;
  name: string;
  role: string;
  token_hash: string;
  created_at: string;
  created_by: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

interface EnvToken {
  name: string;
  role: Role;
  hash: Buffer;
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** A new random token: 32 bytes, URL-safe, with a prefix that says what it is. */
export function generateToken(): string {
  return `hbt_${randomBytes(32).toString('base64url')}`;
}

export function validTokenName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

/**
 * Parses ADMIN_TOKENS entries (`name:role:token`). Bad entries are reported and skipped, so one
 * typo does not lock every official out.
 */
export function parseEnvTokens(entries: string[], logger?: Logger): EnvToken[] {
  const tokens: EnvToken[] = [];
  entries.forEach((entry, index) => {
    const first = entry.indexOf(':');
    const second = first < 0 ? -1 : entry.indexOf(':', first + 1);
    const name = first < 0 ? '' : entry.slice(0, first).trim();
    const role = second < 0 ? '' : entry.slice(first + 1, second).trim();
    const token = second < 0 ? '' : entry.slice(second + 1).trim();
    if (!validTokenName(name) || !isRole(role) || token.length < MIN_TOKEN_LENGTH) {
      logger?.warn({ entry: index + 1 }, `ADMIN_TOKENS entry ${index + 1} ignored: expected name:role:token, role viewer|editor|admin, token of at least ${MIN_TOKEN_LENGTH} characters`);
      return;
    }
    tokens.push({ name, role, hash: hashToken(token) });
  });
  return tokens;
}

/**
 * Console access tokens: from ADMIN_TOKENS and from the admin_tokens table (hashed with SHA-256).
 * A presented token is hashed and compared with every known hash in constant time.
 */
export class TokenStore {
  private readonly envTokens: EnvToken[];

  constructor(
    private readonly db: Database,
    envEntries: string[] = [],
    logger?: Logger,
    private readonly clock: Clock = systemClock,
  ) {
    this.envTokens = parseEnvTokens(envEntries, logger);
  }

  /** The actor a bearer token belongs to, or undefined. */
  async verify(token: string | undefined): Promise<Actor | undefined> {
    if (!token || token.length > 512) return undefined;
    const presented = hashToken(token);
    let found: Actor | undefined;
    // Every candidate is compared (no early exit), so the time taken does not tell which matched.
    for (const t of this.envTokens) {
      if (timingSafeEqual(presented, t.hash) && !found) found = { name: t.name, role: t.role, source: 'env' };
    }
    const rows = await this.db.all<TokenRow>('SELECT * FROM admin_tokens WHERE revoked_at IS NULL');
    let matchedRow: TokenRow | undefined;
    for (const row of rows) {
      const stored = Buffer.from(row.token_hash, 'hex');
      if (stored.length === presented.length && timingSafeEqual(presented, stored) && !found && isRole(row.role)) {
        found = { name: row.name, role: row.role, source: 'db', tokenId: row.id };
        matchedRow = row;
      }
    }
    if (matchedRow) await this.touch(matchedRow);
    return found;
  }

  /** Records when a token was last used, at most once a minute (not a write per request). */
  private async touch(row: TokenRow): Promise<void> {
    const now = this.clock();
    if (row.last_used_at && now.getTime() - Date.parse(row.last_used_at) < 60_000) return;
    await this.db.run('UPDATE admin_tokens SET last_used_at = ? WHERE id = ?', [now.toISOString(), row.id]);
  }

  /** Creates a token; the plain token is returned once and never stored. */
  async create(name: string, role: Role, createdBy: string): Promise<{ token: string; info: TokenInfo }> {
    if (!validTokenName(name)) throw new Error('token name: 1–40 letters, digits, _ . @ -');
    if (!isRole(role)) throw new Error('role must be viewer, editor or admin');
    const token = generateToken();
    const now = this.clock().toISOString();
    const { lastID } = await this.db.run(
      'INSERT INTO admin_tokens (name, role, token_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id',
      [name, role, hashToken(token).toString('hex'), now, createdBy],
    );
    return { token, info: (await this.get(lastID))! };
  }

  async get(id: number): Promise<TokenInfo | undefined> {
    const row = await this.db.get<TokenRow>('SELECT * FROM admin_tokens WHERE id = ?', [id]);
    return row && toInfo(row);
  }

  async list(includeRevoked = false): Promise<TokenInfo[]> {
    const rows = await this.db.all<TokenRow>(
      `SELECT * FROM admin_tokens ${includeRevoked ? '' : 'WHERE revoked_at IS NULL'} ORDER BY id`,
    );
    return rows.map(toInfo);
  }

  /** Revokes a stored token; false when there was no active token with that id. */
  async revoke(id: number): Promise<boolean> {
    const { changes } = await this.db.run('UPDATE admin_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
      this.clock().toISOString(),
      id,
    ]);
    return changes > 0;
  }

  /** Names and roles of the ADMIN_TOKENS entries (for the console's token page). */
  envTokenSummary(): Array<{ name: string; role: Role }> {
    return this.envTokens.map(({ name, role }) => ({ name, role }));
  }
}

function toInfo(row: TokenRow): TokenInfo {
  return {
    id: row.id,
    name: row.name,
    role: isRole(row.role) ? row.role : 'viewer',
    createdAt: row.created_at,
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at ?? undefined,
    revokedAt: row.revoked_at ?? undefined,
  };
}
