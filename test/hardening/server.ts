export { startServer, type RunningServer } from '../helpers/serverProcess';
import net from 'node:net';

export interface RawAnswer {
  /** the status line, '' when the server closed without one */
  statusLine: string;
  /** true when the server closed the socket (false: still open at the deadline) */
  closed: boolean;
}

/** Sends raw bytes on a fresh socket (optionally from a given local address) and waits for the close. */
export function rawRequest(port: number, bytes: string, options: { localAddress?: string; waitMs?: number } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    let data = '';
    const socket = net.connect({ port, host: '127.0.0.1', localAddress: options.localAddress });
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ statusLine: data.split('\r\n')[0], closed });
    };
    const timer = setTimeout(() => finish(false), options.waitMs ?? 5000);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => finish(true));
  });
}

export function upgradeRequest(target: string): string {
  return (
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'
  );
}

/** GET /healthz; resolves with the status and how long it took. */
export async function health(url: string, timeoutMs = 5000): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.text();
    return { status: res.status, ms: Date.now() - started };
  } catch {
    return { status: 0, ms: Date.now() - started };
  }
}

export async function call(
  url: string,
  options: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  if (body !== undefined) headers['Content-Type'] ??= 'application/json';
  const res = await fetch(url, { method: options.method ?? (body !== undefined ? 'POST' : 'GET'), headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]);
      }
    }),
  );
  return results;
}

/** A JSON value nested `depth` levels deep (built as text: JSON.stringify would overflow on it). */
export function nestedJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}
