import type { Next, Request, RequestHandler, Response } from 'restify';
import { bearerOf } from '../../http/bearer';
import type { Logger } from 'pino';
import { ZodError, type ZodType, type ZodTypeDef } from 'zod';
import { parseJsonBody, sendJsonError } from '../../server';
import { clientAddress } from '../../http/clientAddress';
import type { LoginThrottle } from '../../http/loginThrottle';
import { isActivityError } from '../../activities/errors';
import { roleAllows, type Actor, type Role } from '../../officials/roles';
import type { TokenStore } from '../tokens';
import { AdminError, type FieldErrors } from '../../officials/errors';

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
  failures?: LoginThrottle;
}

const ACTOR = Symbol('adminActor');
type WithActor = Request & { [ACTOR]?: Actor };

function secureHeaders(res: Response): void {
  res.header('Cache-Control', 'no-store');
  res.header('X-Content-Type-Options', 'nosniff');
}

/** 401 without a valid token, 403 when the token's role is below `role`. */
function authenticate(deps: RouteDeps, role: Role): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    secureHeaders(res);
    const address = clientAddress(req);
    const token = bearerOf(req);
    const wait = deps.failures?.blocked(address, token);
    if (wait !== undefined) {
      res.header('Retry-After', String(wait));
      sendJsonError(res, 429, wait < 60 ? `登录失败次数过多，请 ${wait} 秒后再试。` : `登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试。`);
      return next(false);
    }
    deps.tokens.verify(token).then(
      (actor) => {
        if (!actor) {
          deps.failures?.recordFailure(address, token);
          res.header('WWW-Authenticate', 'Bearer realm="huibot-admin"');
          sendJsonError(res, 401, '请先登录：需要有效的访问令牌。');
          return next(false);
        }
        if (!roleAllows(actor.role, role)) {
          sendJsonError(res, 403, `权限不足：此操作需要“${role}”或更高权限。`);
          return next(false);
        }
        deps.failures?.recordSuccess(address);
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
    tooComplex: '提交的内容层级过深或过于复杂。',
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
    work({ req, res, actor, ip: clientAddress(req) }).then(
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
