import type { Request, Response, Server } from 'restify';
import type { Logger } from 'pino';
import { sendJsonError } from '../../server';
import { parseClientActivity, parseStartRequest } from './clientActivity';
import { pageBody, type LiveConversation } from './conversations';
import { clientAddress, handle, parseJsonBody, type OriginPolicy } from './http';
import { bearerOf } from '../../http/bearer';
import type { RateLimiter } from './rateLimiter';
import { newUserId, type DirectLineService } from './service';
import { parseWatermark } from './stream';
import { matchesSecret, TokenError, type ConversationGrant } from './tokens';

export const DIRECTLINE_BASE = '/v3/directline';
const ACTIVITY_BODY_BYTES = 64 * 1024;
const SMALL_BODY_BYTES = 4 * 1024;

type Caller = { kind: 'secret' } | { kind: 'token'; grant: ConversationGrant } | { kind: 'anonymous' };

export interface DirectLineRouteOptions {
  service: DirectLineService;
  origins: OriginPolicy;
  /** Posts (and new conversations, token refreshes) per conversation or client address. */
  limiter: RateLimiter;
  /** Reads: polls and conversation reconnects, looser (Web Chat polls every second or faster). */
  pollLimiter?: RateLimiter;
  logger: Logger;
  /** DIRECTLINE_SECRET; empty = starting conversations is open. */
  secret: string;
  /** PUBLIC_URL, used for stream URLs behind a proxy. */
  publicUrl?: string;
}

/**
 * The Direct Line 3.0 REST subset that botframework-directlinejs (inside Web Chat) calls.
 * Every call on a conversation needs that conversation's token (or the secret); errors are
 * JSON `{ error: { status, message } }`.
 */
export function registerDirectLineRoutes(server: Server, options: DirectLineRouteOptions): void {
  const { service, origins, limiter, logger, secret } = options;
  const pollLimiter = options.pollLimiter ?? limiter;
  const { tokens, conversations } = service;
  const wrap = (work: (req: Request, res: Response) => Promise<void>) => handle(logger, work);

  /** Who is calling; answers 401/403 itself and returns undefined when the call may not go on. */
  function authenticate(req: Request, res: Response, allowAnonymous: boolean): Caller | undefined {
    const credential = bearerOf(req);
    if (!credential) {
      if (allowAnonymous) return { kind: 'anonymous' };
      sendJsonError(res, 401, 'missing Authorization: Bearer token');
      return undefined;
    }
    if (matchesSecret(secret, credential)) return { kind: 'secret' };
    try {
      return { kind: 'token', grant: tokens.verifyConversationToken(credential) };
    } catch (err) {
      sendJsonError(res, 403, err instanceof TokenError && err.problem === 'expired' ? 'token expired' : 'invalid token');
      return undefined;
    }
  }

  /** Answers 429 and returns false when `key` is over its per-minute budget. */
  function withinRate(res: Response, key: string, budget: RateLimiter = limiter): boolean {
    const decision = budget.take(key);
    if (decision.allowed) return true;
    res.header('Retry-After', String(decision.retryAfterSeconds));
    sendJsonError(res, 429, 'too many requests, slow down');
    return false;
  }

  /** Authorises a call on the conversation in the URL and loads it (401/403/429/404 otherwise). */
  async function conversationCall(
    req: Request,
    res: Response,
    kind: 'post' | 'read',
  ): Promise<{ caller: Caller; conversation: LiveConversation } | undefined> {
    const caller = authenticate(req, res, false);
    if (!caller) return undefined;
    const conversationId = String(req.params.conversationId ?? '');
    if (caller.kind === 'token' && caller.grant.conversationId !== conversationId) {
      sendJsonError(res, 403, 'token is not valid for this conversation');
      return undefined;
    }
    const withinBudget = kind === 'post' ? withinRate(res, `conversation:${conversationId}`) : withinRate(res, `read:${conversationId}`, pollLimiter);
    if (caller.kind !== 'secret' && !withinBudget) return undefined;
    const conversation = await conversations.get(conversationId);
    if (!conversation) {
      sendJsonError(res, 404, 'conversation not found');
      return undefined;
    }
    return { caller, conversation };
  }

  function conversationToken(conversation: LiveConversation) {
    return tokens.issueConversationToken({ conversationId: conversation.id, userId: conversation.userId, userName: conversation.userName });
  }

  function streamUrl(req: Request, conversationId: string, watermark = 0): string {
    const base = options.publicUrl
      ? options.publicUrl.replace(/^http/i, 'ws').replace(/\/+$/, '')
      : `${isSecure(req) ? 'wss' : 'ws'}://${req.headers.host ?? 'localhost'}`;
    const query = new URLSearchParams({ watermark: String(watermark), t: tokens.issueStreamToken(conversationId) });
    return `${base}${DIRECTLINE_BASE}/conversations/${encodeURIComponent(conversationId)}/stream?${query}`;
  }

  server.opts(`${DIRECTLINE_BASE}/*`, origins.preflight);

  server.post(
    `${DIRECTLINE_BASE}/tokens/generate`,
    origins.check,
    ...parseJsonBody(SMALL_BODY_BYTES),
    wrap(async (req, res) => {
      const caller = authenticate(req, res, !secret);
      if (!caller) return;
      if (secret && caller.kind !== 'secret') return sendJsonError(res, 403, 'the Direct Line secret is required');
      if (caller.kind !== 'secret' && !withinRate(res, `client:${clientAddress(req)}`)) return;
      // Only the secret's holder (the site's back end) may choose who the user is.
      const start = parseStartRequest(req.body, caller.kind === 'secret');
      if (!start.ok) return sendJsonError(res, 400, start.error);
      const grant = service.newGrant(caller.kind === 'secret' ? start.value : { userId: newUserId() });
      const issued = tokens.issueConversationToken(grant);
      res.send(200, { conversationId: grant.conversationId, token: issued.token, expires_in: issued.expiresIn });
    }),
  );

  server.post(
    `${DIRECTLINE_BASE}/tokens/refresh`,
    origins.check,
    wrap(async (req, res) => {
      const caller = authenticate(req, res, false);
      if (!caller) return;
      if (caller.kind !== 'token') return sendJsonError(res, 400, 'refresh needs a conversation token, not the secret');
      if (!withinRate(res, `conversation:${caller.grant.conversationId}`)) return;
      const issued = tokens.issueConversationToken(caller.grant);
      res.send(200, { conversationId: caller.grant.conversationId, token: issued.token, expires_in: issued.expiresIn });
    }),
  );

  server.post(
    `${DIRECTLINE_BASE}/conversations`,
    origins.check,
    ...parseJsonBody(SMALL_BODY_BYTES),
    wrap(async (req, res) => {
      const caller = authenticate(req, res, !secret);
      if (!caller) return;
      const start = parseStartRequest(req.body, caller.kind === 'secret');
      if (!start.ok) return sendJsonError(res, 400, start.error);
      let grant: ConversationGrant;
      if (caller.kind === 'token') {
        if (!withinRate(res, `conversation:${caller.grant.conversationId}`)) return;
        grant = caller.grant;
      } else if (caller.kind === 'secret') {
        grant = service.newGrant(start.value);
      } else {
        if (!withinRate(res, `client:${clientAddress(req)}`)) return;
        // Open mode: a browser may not pick its user id (that would let it read another user's state).
        grant = service.newGrant({ userId: newUserId() });
      }
      const { conversation, created } = await service.start(grant, start.value.locale);
      const issued = conversationToken(conversation);
      res.send(created ? 201 : 200, {
        conversationId: conversation.id,
        token: issued.token,
        expires_in: issued.expiresIn,
        streamUrl: streamUrl(req, conversation.id),
      });
    }),
  );

  server.get(
    `${DIRECTLINE_BASE}/conversations/:conversationId`,
    origins.check,
    wrap(async (req, res) => {
      const call = await conversationCall(req, res, 'read');
      if (!call) return;
      const watermark = parseWatermark(queryValue(req, 'watermark'));
      if (watermark === undefined) return sendJsonError(res, 400, 'watermark must be a number');
      const issued = conversationToken(call.conversation);
      res.send(200, {
        conversationId: call.conversation.id,
        token: issued.token,
        expires_in: issued.expiresIn,
        streamUrl: streamUrl(req, call.conversation.id, watermark),
      });
    }),
  );

  server.post(
    `${DIRECTLINE_BASE}/conversations/:conversationId/activities`,
    origins.check,
    ...parseJsonBody(ACTIVITY_BODY_BYTES),
    wrap(async (req, res) => {
      const call = await conversationCall(req, res, 'post');
      if (!call) return;
      const input = parseClientActivity(req.body);
      if (!input.ok) return sendJsonError(res, 400, input.error);
      const grant = call.caller.kind === 'token' ? call.caller.grant : undefined;
      const echo = await service.receive(call.conversation, input.value, grant);
      res.send(200, { id: echo.id });
    }),
  );

  server.get(
    `${DIRECTLINE_BASE}/conversations/:conversationId/activities`,
    origins.check,
    wrap(async (req, res) => {
      const call = await conversationCall(req, res, 'read');
      if (!call) return;
      const watermark = parseWatermark(queryValue(req, 'watermark'));
      if (watermark === undefined) return sendJsonError(res, 400, 'watermark must be a number');
      // The stored texts go out as they are, without parsing and re-serialising them.
      const body = pageBody(await conversations.read(call.conversation, watermark));
      res.sendRaw(200, body, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) });
    }),
  );
}

function queryValue(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown> | undefined)?.[name];
  if (Array.isArray(value)) return String(value[value.length - 1]);
  return value === undefined ? undefined : String(value);
}

function isSecure(req: Request): boolean {
  return req.isSecure() || String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() === 'https';
}
