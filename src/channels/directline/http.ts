import type { IncomingMessage } from 'node:http';
import type { Next, Request, RequestHandler, Response } from 'restify';
import type { Logger } from 'pino';
import { parseJsonBody as parseSharedJsonBody, sendJsonError } from '../../server';

/** Request headers a Web Chat page on another origin sends to Direct Line. */
const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept, x-ms-bot-agent, x-requested-with';

/**
 * Which browser origins may call the Direct Line API and the token endpoint: the bot's own
 * pages, PUBLIC_URL, and WEBCHAT_ALLOWED_ORIGINS ('*' allows any).
 */
export class OriginPolicy {
  private readonly allowed: Set<string>;
  private readonly anyOrigin: boolean;

  constructor(allowedOrigins: string[], publicUrl?: string) {
    this.anyOrigin = allowedOrigins.includes('*');
    this.allowed = new Set(allowedOrigins.filter((o) => o !== '*').map(normaliseOrigin).filter((o): o is string => Boolean(o)));
    const own = publicUrl ? normaliseOrigin(publicUrl) : undefined;
    if (own) this.allowed.add(own);
  }

  /** True for requests without an Origin (not a browser's cross-origin call), same-origin and listed origins. */
  allows(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (!origin) return true;
    if (this.anyOrigin) return true;
    const normalised = normaliseOrigin(origin);
    if (!normalised) return false;
    if (this.allowed.has(normalised)) return true;
    return new URL(normalised).host === req.headers.host;
  }

  /** Route handler: CORS headers for allowed origins, 403 for others. */
  readonly check: RequestHandler = (req: Request, res: Response, next: Next) => {
    if (!this.allows(req)) {
      sendJsonError(res, 403, 'origin not allowed');
      return next(false);
    }
    this.setHeaders(req, res);
    return next();
  };

  /** OPTIONS handler for preflight requests. */
  readonly preflight: RequestHandler = (req: Request, res: Response, next: Next) => {
    if (!req.headers.origin || !this.allows(req)) {
      sendJsonError(res, 403, 'origin not allowed');
      return next(false);
    }
    this.setHeaders(req, res);
    res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.header('Access-Control-Max-Age', '600');
    res.send(204);
    return next(false);
  };

  private setHeaders(req: Request, res: Response): void {
    const origin = req.headers.origin;
    if (!origin) return;
    res.header('Access-Control-Allow-Origin', origin);
    res.header('Access-Control-Expose-Headers', 'Retry-After');
    res.header('Vary', 'Origin');
  }
}

function normaliseOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** JSON bodies for the Direct Line routes (protocol API: English messages). */
export function parseJsonBody(maxBytes: number): RequestHandler[] {
  return parseSharedJsonBody(maxBytes, {
    tooLarge: (kb) => `body too large (at most ${kb} KB)`,
    malformed: 'malformed JSON body',
  });
}

/**
 * Wraps an async route handler: a thrown error becomes a logged JSON 500, never a crash,
 * and a handler that already answered is left alone.
 */
export function handle(logger: Logger, work: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    work(req, res).then(
      () => next(),
      (err: unknown) => {
        logger.error({ err, url: req.url }, 'direct line request failed');
        if (!res.headersSent) sendJsonError(res, 500, 'internal error');
        next(false);
      },
    );
  };
}

/** The client address for rate limiting anonymous calls (TRUST_PROXY-aware, see src/http/clientAddress). */
export { clientAddress } from '../../http/clientAddress';
