import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { isTrustedPeer, normaliseAddress, type TrustProxy } from './clientAddress';

export interface ConnectionLimits {
  /** Open connections in all (WebSockets included); past it new ones are closed at once. */
  maxConnections: number;
  /** Open connections per peer address; trusted proxies and 127.0.0.1/::1 are exempt (they carry many clients). */
  maxPerClient: number;
  /** Time for a request's headers to arrive completely. */
  headersTimeoutMs: number;
  /** A connection with no bytes moving for this long is closed (slow bodies, idle half-open sockets). */
  idleTimeoutMs: number;
}

/**
 * Peers never held to the per-client cap: a reverse proxy or health checker on this host carries
 * many clients over its connections (a proxy elsewhere needs TRUST_PROXY).
 */
const LOCAL_PEERS = new Set(['127.0.0.1', '::1']);

/** The status and reason Node's parser errors map to, for clients that sent something unreadable. */
function statusOf(err: NodeJS.ErrnoException): [number, string] {
  if (err.code === 'HPE_HEADER_OVERFLOW') return [431, 'Request Header Fields Too Large'];
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT' || err.code === 'HPE_HEADERS_TIMEOUT') return [408, 'Request Timeout'];
  return [400, 'Bad Request'];
}

/**
 * Keeps the listening socket answerable whatever clients do: caps open connections in all and
 * per client, closes connections whose headers or bodies stall, and answers unparsable requests
 * with a 4xx before closing them. Returns the live counts (for tests and diagnostics).
 */
export function guardConnections(server: HttpServer, limits: ConnectionLimits, trust: TrustProxy, logger: Logger): () => { open: number; clients: number } {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = Math.max(limits.headersTimeoutMs, limits.idleTimeoutMs * 2);
  server.timeout = limits.idleTimeoutMs;
  server.keepAliveTimeout = Math.min(5000, limits.idleTimeoutMs);
  // Node closes a connection past maxConnections before any of our code runs; ours below also logs.
  server.maxConnections = limits.maxConnections + 1;

  let open = 0;
  const perClient = new Map<string, number>();
  let lastWarning = 0;
  const refuse = (socket: Socket, why: string, address: string) => {
    const now = Date.now();
    if (now - lastWarning > 10_000) {
      lastWarning = now;
      logger.warn({ address, open, why }, 'connection refused: limit reached');
    }
    socket.destroy();
  };

  server.on('connection', (socket: Socket) => {
    const address = normaliseAddress(socket.remoteAddress);
    if (open >= limits.maxConnections) return refuse(socket, 'total', address);
    const limited = !isTrustedPeer(trust, address) && !LOCAL_PEERS.has(address);
    const mine = perClient.get(address) ?? 0;
    if (limited && mine >= limits.maxPerClient) return refuse(socket, 'per client', address);
    open++;
    perClient.set(address, mine + 1);
    socket.once('close', () => {
      open--;
      const left = (perClient.get(address) ?? 1) - 1;
      if (left <= 0) perClient.delete(address);
      else perClient.set(address, left);
    });
  });

  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    // Part of an answer already went out: a status line now would corrupt it.
    const answering = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (err.code === 'ECONNRESET' || !socket.writable || answering) {
      socket.destroy();
      return;
    }
    const [status, reason] = statusOf(err);
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    setTimeout(() => socket.destroy(), 1000).unref();
  });

  return () => ({ open, clients: perClient.size });
}

/** Answers an upgrade socket that no handler takes with a status line, then closes it. */
export function refuseUpgrade(socket: { writable: boolean; write(chunk: string): unknown; destroy(): void }, status: number, reason: string): void {
  try {
    if (socket.writable) socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  } finally {
    socket.destroy();
  }
}
