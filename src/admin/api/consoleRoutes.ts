import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import type { Logger } from 'pino';
import { serveFile } from '../../channels/directline/assets';

export const CONSOLE_PUBLIC_DIR = path.join(__dirname, '..', 'public');
/** Chart.js's browser build, served from node_modules (no CDN). */
export const CHART_JS_BUNDLE = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.js');

/** The console page may talk only to this server; it cannot be framed; scripts come only from here. */
const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The page's script modules (`src/admin/public/js/*.js`), listed once at start. */
export function consoleModules(): string[] {
  return fs
    .readdirSync(path.join(CONSOLE_PUBLIC_DIR, 'js'))
    .filter((f) => /^[a-z][A-Za-z0-9]*\.js$/.test(f))
    .sort();
}

/** The officials' console (`/admin`) and its static files. */
export function registerConsoleRoutes(server: Server, logger: Logger): void {
  const page = serveFile(
    path.join(CONSOLE_PUBLIC_DIR, 'index.html'),
    {
      contentType: 'text/html; charset=utf-8',
      maxAge: 0,
      headers: { 'Content-Security-Policy': CONSOLE_CSP, 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY' },
    },
    logger,
  );
  server.get('/admin', page);
  server.get('/admin/', page);
  const js = { contentType: 'application/javascript; charset=utf-8', maxAge: 300 };
  // The page's ES modules (one per view, see docs/console.md): each file of public/js by its own route.
  for (const file of consoleModules()) {
    server.get(`/admin/static/js/${file}`, serveFile(path.join(CONSOLE_PUBLIC_DIR, 'js', file), js, logger));
  }
  server.get('/admin/static/admin.css', serveFile(path.join(CONSOLE_PUBLIC_DIR, 'admin.css'), { contentType: 'text/css; charset=utf-8', maxAge: 300 }, logger));
  server.get('/admin/static/chart.umd.js', serveFile(CHART_JS_BUNDLE, { ...js, maxAge: 86400 }, logger));
}
