import restify, { type Next, type Request, type RequestHandler, type Response, type Server } from 'restify';
import type { Logger } from 'pino';
import type { AppConfig } from './config';
import { markClientAddress, parseTrustProxy, type TrustProxy } from './http/clientAddress';
import { guardConnections, type ConnectionLimits } from './http/connections';
import { jsonShapeProblem, MAX_JSON_DEPTH } from './http/jsonLimits';

export const MAX_BODY_BYTES = 256 * 1024;

/** JSON body parsing for one route, with a size limit (413 past it, 400 for malformed JSON). */
export function jsonBody(maxBodySize = MAX_BODY_BYTES) {
  return restify.plugins.bodyParser({ maxBodySize, mapParams: false, mapFiles: false, rejectUnknown: false });
}

export function sendJsonError(res: Response, status: number, message: string, details?: unknown): void {
  res.send(status, { error: { status, message, ...(details ? { details } : {}) } });
}

export interface BodyErrorText {
  tooLarge: (maxKb: number) => string;
  malformed: string;
  /** nested deeper than MAX_JSON_DEPTH or too many values (default: English) */
  tooComplex?: string;
}

const TOO_COMPLEX = `JSON body too deeply nested or too large (at most ${MAX_JSON_DEPTH} levels)`;

/**
 * JSON body parsing for one route with our error shape instead of restify's: 413 past
 * `maxBytes`, 400 for malformed JSON; each API words the messages for its own readers.
 */
export function parseJsonBody(maxBytes: number, text: BodyErrorText): RequestHandler[] {
  const parsers = ([] as RequestHandler[]).concat(jsonBody(maxBytes) as RequestHandler | RequestHandler[]);
  return parsers.map(
    (parser): RequestHandler =>
      (req: Request, res: Response, next: Next) =>
        parser(req, res, ((err?: unknown) => {
          if (err instanceof Error) {
            const status = (err as Error & { statusCode?: number }).statusCode ?? 400;
            if (status === 413) sendJsonError(res, 413, text.tooLarge(Math.round(maxBytes / 1024)));
            else sendJsonError(res, 400, text.malformed);
            return next(false);
          }
          // Checked before anything stores or re-serialises the body (JSON.stringify recurses).
          if (err === undefined && req.body !== null && typeof req.body === 'object' && !Buffer.isBuffer(req.body) && jsonShapeProblem(req.body)) {
            sendJsonError(res, 400, text.tooComplex ?? TOO_COMPLEX);
            return next(false);
          }
          return next(err as never);
        }) as Next),
  );
}

export interface HttpHardening {
  /** TRUST_PROXY: whose X-Forwarded-For is believed */
  trust: TrustProxy;
  limits: ConnectionLimits;
}

/** The restify server, without routes: one place for limits, error shapes and crash safety. */
export function createHttpServer(logger: Logger, hardening?: HttpHardening): Server {
  const server = restify.createServer({ name: 'huibot', handleUncaughtExceptions: false });
  // A request target restify cannot parse (e.g. `http://[/x`) would throw inside its router.
  server.pre((req: Request, res: Response, next: Next) => {
    try {
      req.getUrl();
      new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendJsonError(res, 400, 'malformed request target');
      return next(false);
    }
    return next();
  });
  if (hardening) {
    guardConnections(server.server, hardening.limits, hardening.trust, logger);
    const { trust } = hardening;
    server.pre((req: Request, _res: Response, next: Next) => {
      markClientAddress(req, trust);
      return next();
    });
  }
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // Errors thrown by handlers become JSON 500s, logged once; the process keeps serving.
  server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) logger.error({ err, url: req.url }, 'request failed');
    else logger.debug({ status, url: req.url, message: err.message }, 'request rejected');
    callback();
  });
  return server;
}

/** The connection limits and proxy trust of a configuration. */
export function httpHardening(config: AppConfig): HttpHardening {
  return {
    trust: parseTrustProxy(config.TRUST_PROXY),
    limits: {
      maxConnections: config.HTTP_MAX_CONNECTIONS,
      maxPerClient: config.HTTP_MAX_CONNECTIONS_PER_CLIENT,
      headersTimeoutMs: config.HTTP_HEADERS_TIMEOUT_SECONDS * 1000,
      idleTimeoutMs: config.HTTP_IDLE_TIMEOUT_SECONDS * 1000,
    },
  };
}
