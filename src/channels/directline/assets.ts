import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'restify';
import type { Logger } from 'pino';
import { sendJsonError } from '../../server';

const gzipAsync = promisify(gzip);

interface LoadedAsset {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
}

export interface AssetOptions {
  contentType: string;
  /** Cache-Control max-age in seconds. */
  maxAge: number;
  /** Extra response headers (e.g. the page's Content-Security-Policy). */
  headers?: Record<string, string>;
}

/**
 * One file served from memory: read and gzipped once on first request, with an ETag so
 * browsers revalidate cheaply (the Web Chat bundle is 4 MB, about 1 MB gzipped).
 */
export function serveFile(file: string, options: AssetOptions, logger: Logger): RequestHandler {
  let loading: Promise<LoadedAsset> | undefined;
  const load = async (): Promise<LoadedAsset> => {
    const body = await fs.readFile(file);
    const gzipped = await gzipAsync(body, { level: 9 });
    return { body, gzipped, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
  };
  return (req: Request, res: Response, next) => {
    loading ??= load();
    loading.then(
      (asset) => {
        res.header('Content-Type', options.contentType);
        res.header('Cache-Control', `public, max-age=${options.maxAge}`);
        res.header('ETag', asset.etag);
        res.header('Vary', 'Accept-Encoding');
        res.header('X-Content-Type-Options', 'nosniff');
        for (const [name, value] of Object.entries(options.headers ?? {})) res.header(name, value);
        if (req.headers['if-none-match'] === asset.etag) {
          res.writeHead(304);
          res.end();
          return next(false);
        }
        const useGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        const body = useGzip ? asset.gzipped : asset.body;
        if (useGzip) res.header('Content-Encoding', 'gzip');
        res.header('Content-Length', body.length);
        res.writeHead(200);
        res.end(body);
        return next(false);
      },
      (err: unknown) => {
        loading = undefined;
        logger.error({ err, file }, 'static file unavailable');
        sendJsonError(res, 500, 'file unavailable');
        return next(false);
      },
    );
  };
}
