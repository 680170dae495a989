import { createHash, createSecretKey, randomBytes, randomUUID, timingSafeEqual, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

const ISSUER = 'huibot-directline';
/** Stream URLs are used right after they are handed out; a leaked one is useless soon after. */
export const STREAM_TOKEN_TTL_SECONDS = 120;

/** What a conversation token grants: one conversation, as one user. */
export interface ConversationGrant {
  conversationId: string;
  /** The user every activity posted with this token is attributed to (Web Chat reads the `user` claim). */
  userId?: string;
  userName?: string;
}

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

export type TokenProblem = 'invalid' | 'expired';

/** A token that cannot be used; `problem` tells expired from forged or malformed. */
export class TokenError extends Error {
  constructor(readonly problem: TokenProblem) {
    super(problem === 'expired' ? 'token expired' : 'invalid token');
  }
}

interface Claims {
  conv: string;
  user?: string;
  name?: string;
  scope: 'conversation' | 'stream';
}

/** Signs and checks Direct Line tokens (HS256 JWTs) with one key. */
export class DirectLineTokens {
  /** A KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a PEM key on every call. */
  private readonly key: KeyObject;

  constructor(
    key: string,
    readonly ttlSeconds: number,
  ) {
    this.key = createSecretKey(Buffer.from(key, 'utf8'));
  }

  issueConversationToken(grant: ConversationGrant): IssuedToken {
    const claims: Claims = { conv: grant.conversationId, scope: 'conversation' };
    if (grant.userId) claims.user = grant.userId;
    if (grant.userName) claims.name = grant.userName;
    return { token: this.sign(claims, this.ttlSeconds), expiresIn: this.ttlSeconds };
  }

  /** A short-lived token that only opens the conversation's WebSocket stream. */
  issueStreamToken(conversationId: string): string {
    return this.sign({ conv: conversationId, scope: 'stream' }, STREAM_TOKEN_TTL_SECONDS);
  }

  verifyConversationToken(token: string): ConversationGrant {
    const claims = this.verify(token, 'conversation');
    return { conversationId: claims.conv, userId: claims.user, userName: claims.name };
  }

  /** The conversation a stream token opens. */
  verifyStreamToken(token: string): string {
    return this.verify(token, 'stream').conv;
  }

  /**
   * The grant of a conversation token we signed that expired at most `graceSeconds` ago:
   * lets the chat page return to its conversation (and its user) after the tab was closed.
   */
  verifyForResume(token: string, graceSeconds: number): ConversationGrant {
    const claims = this.verify(token, 'conversation', true);
    const expiredFor = Date.now() / 1000 - (claims.exp ?? 0);
    if (expiredFor > graceSeconds) throw new TokenError('expired');
    return { conversationId: claims.conv, userId: claims.user, userName: claims.name };
  }

  private sign(claims: Claims, ttlSeconds: number): string {
    return jwt.sign(claims, this.key, { algorithm: 'HS256', expiresIn: ttlSeconds, issuer: ISSUER, jwtid: randomUUID() });
  }

  /** Tokens already verified (every poll presents the same one): skips the HMAC and JSON work. */
  private readonly verified = new Map<string, Claims & { exp?: number }>();

  private verify(token: string, scope: Claims['scope'], ignoreExpiration = false): Claims & { exp?: number } {
    const known = this.verified.get(token);
    if (known && known.scope === scope && (ignoreExpiration || (known.exp ?? 0) * 1000 > Date.now())) return known;
    const claims = this.verifySignature(token, scope, ignoreExpiration);
    if (!ignoreExpiration) {
      this.verified.set(token, claims);
      if (this.verified.size > 10000) this.verified.delete(this.verified.keys().next().value as string);
    }
    return claims;
  }

  private verifySignature(token: string, scope: Claims['scope'], ignoreExpiration: boolean): Claims & { exp?: number } {
    let payload: string | jwt.JwtPayload;
    try {
      payload = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER, ignoreExpiration });
    } catch (err) {
      throw new TokenError(err instanceof jwt.TokenExpiredError ? 'expired' : 'invalid');
    }
    if (typeof payload !== 'object' || payload.scope !== scope || typeof payload.conv !== 'string' || !payload.conv) {
      throw new TokenError('invalid');
    }
    return payload as unknown as Claims & { exp?: number };
  }
}

/** A fresh random signing key (used when DIRECTLINE_TOKEN_KEY is empty, then persisted). */
export function generateSigningKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison of a presented credential with the configured secret. */
export function matchesSecret(secret: string, presented: string | undefined): boolean {
  if (!secret || !presented) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(secret), digest(presented));
}
