import type { Next, Request, RequestHandler, Response } from 'restify';
import type { Logger } from 'pino';
import { ZodError, type ZodType, type ZodTypeDef } from 'zod';
import { parseJsonBody, sendJsonError } from '../../server';
import { isActivityError } from '../../activities/errors';
import { roleAllows, type Actor, type Role } from '../roles';
import type { TokenStore } from '../tokens';
import { AdminError, type FieldErrors } from '../errors';

export const ADMIN_API = '/admin/api';
export const ADMIN_BODY_BYTES = 64 * 1024;

/** What a console route handler gets. */
export interface AdminCall {
  req: Request;
  res: Response;
  actor: Actor;
  ip: string;
}

export interface RouteDeps {
  tokens: TokenStore;
  logger: Logger;
  failures?: AuthFailures;
}

/**
 * Failed logins per client address: past `limit` in `windowMs` the address gets 429 until the
 * window ends, so a short token in ADMIN_TOKENS cannot be guessed by trying.
 */
export class AuthFailures {
  private readonly byAddress = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit = 20,
    private readonly windowMs = 10 * 60_000,
  ) {}

  blocked(address: string, now = Date.now()): number | undefined {
    const entry = this.byAddress.get(address);
    if (!entry || entry.resetAt <= now) return undefined;
    return entry.count >= this.limit ? Math.ceil((entry.resetAt - now) / 1000) : undefined;
  }

  record(address: string, now = Date.now()): void {
    const entry = this.byAddress.get(address);
    if (!entry || entry.resetAt <= now) {
      if (this.byAddress.size > 10_000) this.prune(now);
      this.byAddress.set(address, { count: 1, resetAt: now + this.windowMs });
    } else {
      entry.count++;
    }
  }

  private prune(now: number): void {
    for (const [address, entry] of this.byAddress) if (entry.resetAt <= now) this.byAddress.delete(address);
  }
}

const ACTOR = Symbol('adminActor');
type WithActor = Request & { [ACTOR]?: Actor };

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

function secureHeaders(res: Response): void {
  res.header('Cache-Control', 'no-store');
  res.header('X-Content-Type-Options', 'nosniff');
}

/** 401 without a valid token, 403 when the token's role is below `role`. */
function authenticate(deps: RouteDeps, role: Role): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    secureHeaders(res);
    const address = req.socket.remoteAddress ?? 'unknown';
    const wait = deps.failures?.blocked(address);
    if (wait !== undefined) {
      res.header('Retry-After', String(wait));
      sendJsonError(res, 429, `登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试。`);
      return next(false);
    }
    deps.tokens.verify(bearer(req)).then(
      (actor) => {
        if (!actor) {
          deps.failures?.record(address);
          res.header('WWW-Authenticate', 'Bearer realm="huibot-admin"');
          sendJsonError(res, 401, '请先登录：需要有效的访问令牌。');
          return next(false);
        }
        if (!roleAllows(actor.role, role)) {
          sendJsonError(res, 403, `权限不足：此操作需要“${role}”或更高权限。`);
          return next(false);
        }
        (req as WithActor)[ACTOR] = actor;
        return next();
      },
      (err: unknown) => {
        deps.logger.error({ err }, 'admin token check failed');
        sendJsonError(res, 500, '服务器内部错误，请稍后再试。');
        next(false);
      },
    );
  };
}

/** JSON bodies up to ADMIN_BODY_BYTES, with messages the console shows. */
function parseBody(): RequestHandler[] {
  return parseJsonBody(ADMIN_BODY_BYTES, {
    tooLarge: (kb) => `提交的内容过大（最多 ${kb} KB）。`,
    malformed: '请求内容不是有效的 JSON。',
  });
}

/** Turns any error into the JSON answer the console shows; unexpected ones are logged as 500. */
export function sendError(res: Response, err: unknown, logger: Logger, url?: string): void {
  if (res.headersSent) return;
  if (err instanceof AdminError) return sendJsonError(res, err.status, err.message, err.details);
  if (err instanceof ZodError) {
    const e = AdminError.fromZod(err);
    return sendJsonError(res, e.status, e.message, e.details);
  }
  if (isActivityError(err)) {
    if (err.code === 'invalid_input') {
      const problems = (err.details?.problems as Array<{ field: string; message: string }> | undefined) ?? [{ field: '_', message: err.message }];
      const fieldErrors: FieldErrors = {};
      for (const p of problems) (fieldErrors[p.field] ??= []).push(p.message);
      return sendJsonError(res, 400, err.message, { fieldErrors });
    }
    const status = err.code === 'activity_not_found' || err.code === 'registration_not_found' ? 404 : 409;
    return sendJsonError(res, status, err.message, { code: err.code });
  }
  logger.error({ err, url }, 'admin request failed');
  sendJsonError(res, 500, '服务器内部错误，请稍后再试。');
}

/**
 * A console API route: authentication and role check, optional JSON body, and error handling.
 * The handler answers itself (res.send).
 */
export function route(deps: RouteDeps, role: Role, work: (call: AdminCall) => Promise<void>, options: { body?: boolean } = {}): RequestHandler[] {
  const run: RequestHandler = (req: Request, res: Response, next: Next) => {
    const actor = (req as WithActor)[ACTOR]!;
    work({ req, res, actor, ip: req.socket.remoteAddress ?? '' }).then(
      () => next(),
      (err: unknown) => {
        sendError(res, err, deps.logger, req.url);
        next(false);
      },
    );
  };
  return [authenticate(deps, role), ...(options.body ? parseBody() : []), run];
}

/** Parses with a zod schema; field problems become a 400 with `fieldErrors`. */
export function parse<T>(schema: ZodType<T, ZodTypeDef, unknown>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw AdminError.fromZod(result.error);
  return result.data;
}

/** A positive integer id from the URL, or 404. */
export function idParam(req: Request, name = 'id'): number {
  const raw = String(req.params?.[name] ?? '');
  if (!/^\d{1,12}$/.test(raw) || Number(raw) < 1) throw new AdminError(404, '找不到该记录。');
  return Number(raw);
}

/** The request body as an object (an empty body is {}). */
export function bodyOf(req: Request): unknown {
  const body = req.body as unknown;
  if (body === undefined || body === null || body === '') return {};
  return body;
}
