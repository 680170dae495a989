import path from 'node:path';
import type { Server } from 'restify';
import type { Logger } from 'pino';
import { sendJsonError } from '../../server';
import { serveFile } from './assets';
import { clientAddress, handle, parseJsonBody, type OriginPolicy } from './http';
import type { RateLimiter } from './rateLimiter';
import { newUserId, type DirectLineService } from './service';
import type { ConversationGrant } from './tokens';

export const PUBLIC_DIR = path.join(__dirname, 'public');
/** The Web Chat browser bundle from the installed package (not in its exports map: found by path). */
export const WEBCHAT_BUNDLE = path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
export const TOKEN_ENDPOINT = '/api/webchat/token';
/**
 * A page may return to its conversation only while its (refreshed) token is still valid: an
 * expired token never resumes, so a closed chat's history is readable for DIRECTLINE_TOKEN_TTL_SECONDS at most.
 */
export const RESUME_GRACE_SECONDS = 0;

/**
 * Web Chat renders cards and markdown with inline styles; everything else, including the
 * Direct Line calls and the WebSocket, stays on the bot's own origin.
 */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

interface PageRouteOptions {
  service: DirectLineService;
  origins: OriginPolicy;
  limiter: RateLimiter;
  logger: Logger;
}

/**
 * The chat page (`/`), its assets under `/static/`, and the token endpoint the page (or the
 * service center's own site) calls: it hands out a conversation token, exchanging the
 * server-side secret, so no secret ever reaches a browser.
 */
export function registerPageRoutes(server: Server, { service, origins, limiter, logger }: PageRouteOptions): void {
  const { tokens, conversations } = service;

  server.get('/', serveFile(path.join(PUBLIC_DIR, 'index.html'), { contentType: 'text/html; charset=utf-8', maxAge: 300, headers: pageHeaders() }, logger));
  server.get('/static/webchat.js', serveFile(WEBCHAT_BUNDLE, { contentType: 'application/javascript; charset=utf-8', maxAge: 86400 }, logger));
  server.get('/static/huibot-chat.js', serveFile(path.join(PUBLIC_DIR, 'huibot-chat.js'), { contentType: 'application/javascript; charset=utf-8', maxAge: 300 }, logger));
  server.get('/static/huibot-chat.css', serveFile(path.join(PUBLIC_DIR, 'huibot-chat.css'), { contentType: 'text/css; charset=utf-8', maxAge: 300 }, logger));

  server.opts(TOKEN_ENDPOINT, origins.preflight);
  server.post(
    TOKEN_ENDPOINT,
    origins.check,
    ...parseJsonBody(4 * 1024),
    handle(logger, async (req, res) => {
      const decision = limiter.take(`client:${clientAddress(req)}`);
      if (!decision.allowed) {
        res.header('Retry-After', String(decision.retryAfterSeconds));
        return sendJsonError(res, 429, 'too many requests, slow down');
      }
      const body = req.body as { resume?: unknown } | undefined;
      const resume = body && typeof body === 'object' && typeof body.resume === 'string' ? body.resume : undefined;
      let grant: ConversationGrant | undefined;
      if (resume) grant = await resumableGrant(resume);
      const resumed = Boolean(grant);
      grant ??= service.newGrant({ userId: newUserId() });
      const issued = tokens.issueConversationToken(grant);
      res.header('Cache-Control', 'no-store');
      res.send(200, { token: issued.token, conversationId: grant.conversationId, expires_in: issued.expiresIn, resumed });
    }),
  );

  /** The earlier conversation of a page's stored token, if it is ours, recent and still there. */
  async function resumableGrant(token: string): Promise<ConversationGrant | undefined> {
    let previous: ConversationGrant;
    try {
      previous = tokens.verifyForResume(token, RESUME_GRACE_SECONDS);
    } catch {
      return undefined;
    }
    const conversation = await conversations.get(previous.conversationId);
    if (!conversation) return undefined;
    return { conversationId: conversation.id, userId: conversation.userId ?? previous.userId, userName: conversation.userName };
  }
}

function pageHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': PAGE_CSP,
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'SAMEORIGIN',
  };
}
