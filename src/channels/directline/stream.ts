import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import { pageBody, type DirectLineConversations, type LiveConversation } from './conversations';
import type { StoredActivity } from './store';
import { TokenError, type DirectLineTokens } from './tokens';
import type { OriginPolicy } from './http';
import type { RateLimiter } from './rateLimiter';
import { refuseUpgrade } from '../../http/connections';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/?#]+)\/stream$/;
const HEARTBEAT_MS = 30_000;
/** Clients only send empty keep-alive frames. */
const MAX_CLIENT_FRAME_BYTES = 1024;

/**
 * The push half of Direct Line: `streamUrl` WebSockets that first send the history after the
 * requested watermark, then every new activity as `{ activities, watermark }`.
 */
export class DirectLineStreams {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES });
  private readonly alive = new WeakSet<WebSocket>();
  private heartbeat?: NodeJS.Timeout;
  private shutdownWatch?: NodeJS.Timeout;

  constructor(
    private readonly conversations: DirectLineConversations,
    private readonly tokens: DirectLineTokens,
    private readonly origins: OriginPolicy,
    private readonly limiter: RateLimiter,
    private readonly logger: Logger,
  ) {}

  /**
   * Handles upgrades on the bot's HTTP server. Streams are its only WebSockets: any other upgrade,
   * and any stream URL that does not parse, is answered with a status and closed (an ignored
   * upgrade socket would stay open for ever).
   */
  attach(server: HttpServer): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      const conversationId = streamConversationId(req.url);
      if (conversationId === undefined) return reject(socket, 404, 'Not Found');
      if (conversationId === null) return reject(socket, 400, 'Bad Request');
      this.upgrade(req, socket, head, conversationId).catch((err) => {
        this.logger.error({ err }, 'web chat stream upgrade failed');
        reject(socket, 500, 'Internal Server Error');
      });
    });
    this.heartbeat = setInterval(() => this.ping(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /**
   * Closes every stream once the HTTP server stops listening: open WebSockets would otherwise
   * keep a graceful shutdown waiting for clients that never leave.
   */
  closeWhenServerCloses(server: HttpServer): void {
    this.shutdownWatch = setInterval(() => {
      if (!server.listening) this.closeAll();
    }, 200);
    this.shutdownWatch.unref();
  }

  closeAll(): void {
    for (const client of this.wss.clients) client.close(1001, 'server shutting down');
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    clearInterval(this.shutdownWatch);
    this.closeAll();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string): Promise<void> {
    const url = new URL(req.url!, 'http://localhost');
    if (!this.origins.allows(req)) return reject(socket, 403, 'Forbidden');
    let granted: string;
    try {
      granted = this.tokens.verifyStreamToken(url.searchParams.get('t') ?? '');
    } catch (err) {
      return reject(socket, err instanceof TokenError ? 403 : 500, 'Forbidden');
    }
    if (granted !== conversationId) return reject(socket, 403, 'Forbidden');
    if (!this.limiter.take(`read:${conversationId}`).allowed) return reject(socket, 429, 'Too Many Requests');
    const conversation = await this.conversations.get(conversationId);
    if (!conversation) return reject(socket, 404, 'Not Found');
    const watermark = parseWatermark(url.searchParams.get('watermark'));
    if (watermark === undefined) return reject(socket, 400, 'Bad Request');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      void this.serve(ws, conversation, watermark);
    });
  }

  private async serve(ws: WebSocket, conversation: LiveConversation, watermark: number): Promise<void> {
    this.alive.add(ws);
    ws.on('pong', () => this.alive.add(ws));
    ws.on('error', (err) => this.logger.debug({ err }, 'web chat stream error'));
    // Live activities that arrive while the history is being sent wait here.
    let sentSeq = watermark;
    let backlogDone = false;
    const waiting: StoredActivity[] = [];
    const send = (entries: StoredActivity[]) => {
      const fresh = entries.filter((e) => e.seq > sentSeq);
      if (fresh.length === 0 || ws.readyState !== ws.OPEN) return;
      sentSeq = fresh[fresh.length - 1].seq;
      ws.send(pageBody({ activityJson: fresh.map((e) => e.json), watermark: String(sentSeq) }));
    };
    const unsubscribe = this.conversations.subscribe(conversation, (entry) => {
      if (backlogDone) send([entry]);
      else waiting.push(entry);
    });
    ws.on('close', unsubscribe);
    try {
      for (;;) {
        const page = await this.conversations.read(conversation, sentSeq);
        const pageSeq = Number(page.watermark);
        if (pageSeq <= sentSeq) break;
        if (page.activityJson.length > 0 && ws.readyState === ws.OPEN) ws.send(pageBody(page));
        sentSeq = pageSeq;
      }
      backlogDone = true;
      send(waiting.splice(0));
    } catch (err) {
      this.logger.error({ err, conversationId: conversation.id }, 'web chat stream history failed');
      ws.close(1011, 'history unavailable');
    }
  }

  private ping(): void {
    for (const ws of this.wss.clients) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }
}

/** '' or absent → 0 (everything); otherwise a non-negative integer; undefined when malformed. */
export function parseWatermark(value: string | null | undefined): number | undefined {
  if (value === undefined || value === null || value === '' || value === '-') return 0;
  if (!/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}

/**
 * The conversation id of a stream request target; undefined when it is not a stream path,
 * null when it looks like one but does not parse (bad URL or percent-encoding).
 */
export function streamConversationId(target: string | undefined): string | null | undefined {
  let pathname: string;
  try {
    pathname = new URL(target ?? '/', 'http://localhost').pathname;
  } catch {
    return target?.includes('/stream') ? null : undefined;
  }
  const match = STREAM_PATH.exec(pathname);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

function reject(socket: Duplex, status: number, reason: string): void {
  refuseUpgrade(socket, status, reason);
}
