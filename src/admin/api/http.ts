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
import { API_TEXT } from '../../officials/copy';

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
      sendJsonError(res, 429, wait < 60 ? API_TEXT.tooManyFailuresSeconds(wait) : API_TEXT.tooManyFailuresMinutes(Math.ceil(wait / 60)));
      return next(false);
    }
    deps.tokens.verify(token).then(
      (actor) => {
        if (!actor) {
          deps.failures?.recordFailure(address, token);
          res.header('WWW-Authenticate', 'Bearer realm="huibot-admin"');
          sendJsonError(res, 401, API_TEXT.loginNeeded);
          return next(false);
        }
        if (!roleAllows(actor.role, role)) {
          sendJsonError(res, 403, API_TEXT.roleNeeded(role));
          return next(false);
        }
        deps.failures?.recordSuccess(address);
        (req as WithActor)[ACTOR] = actor;
        return next();
      },
      (err: unknown) => {
        deps.logger.error({ err }, 'admin token check failed');
        sendJsonError(res, 500, API_TEXT.internal);
        next(false);
      },
    );
  };
}

/** JSON bodies up to ADMIN_BODY_BYTES, with messages the console shows. */
function parseBody(): RequestHandler[] {
  return parseJsonBody(ADMIN_BODY_BYTES, {
    tooLarge: API_TEXT.tooLarge,
    malformed: API_TEXT.malformed,
    tooComplex: API_TEXT.tooComplex,
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
  sendJsonError(res, 500, API_TEXT.internal);
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
  if (!/^\d{1,12}$/.test(raw) || Number(raw) < 1) throw new AdminError(404, API_TEXT.notFound);
  return Number(raw);
}

/** The request body as an object (an empty body is {}). */
export function bodyOf(req: Request): unknown {
  const body = req.body as unknown;
  if (body === undefined || body === null || body === '') return {};
  return body;
}
