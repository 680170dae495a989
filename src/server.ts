import restify, { type Next, type Request, type RequestHandler, type Response, type Server } from 'restify';
import type { Logger } from 'pino';

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
}

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
          return next(err as never);
        }) as Next),
  );
}

/** The restify server, without routes: one place for limits, error shapes and crash safety. */
export function createHttpServer(logger: Logger): Server {
  const server = restify.createServer({ name: 'huibot', handleUncaughtExceptions: false });
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
