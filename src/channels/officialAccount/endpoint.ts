import { clientAddress } from '../../http/clientAddress';
import type { IncomingMessage } from 'node:http';
import type { Request, Response, Server } from 'restify';
import type { Logger } from 'pino';
import { PushDedupe, pushKey } from './dedupe';
import type { InboundHandler, InboundOutcome } from './inbound';
import { checkSignedQuery, openPush, sealReply, type PushKeys } from './push';
import { passiveAndRest } from './replies';
import { textReplyXml, type InboundMessage } from './xml';

/** Pushes are small XML documents; anything bigger is refused before it is read. */
export const MAX_PUSH_BYTES = 64 * 1024;
/** WeChat waits 5 s for the answer; a reply not ready by then goes as customer-service messages. */
export const PASSIVE_REPLY_MS = 3000;

export interface EndpointOptions {
  path: string;
  keys: PushKeys;
  handler: InboundHandler;
  /** Sends replies that missed the passive reply (customer-service messages). */
  sendLate: (openId: string, texts: string[]) => Promise<void>;
  logger: Logger;
  maxChars: number;
  passiveReplyMs?: number;
  maxBodyBytes?: number;
  now?: () => number;
  onPushHandled?: (message: InboundMessage, outcome: InboundOutcome) => void;
}

/** The HTTP answer to one push. */
interface Answer {
  body: string;
  contentType: string;
  /** what to send once the answer is out (the parts that did not fit in the passive reply) */
  after?: () => void;
}

const SUCCESS: Answer = { body: 'success', contentType: 'text/plain; charset=utf-8' };

/**
 * The server URL set in 公众平台 → 服务器配置: GET is the URL check, POST carries the pushes.
 * Refusals (bad signature, stale timestamp, wrong AppID) are logged without the content.
 */
export function registerOfficialAccountRoutes(server: Server, options: EndpointOptions): void {
  const { path, keys, logger } = options;
  const now = options.now ?? Date.now;
  const nowSeconds = () => Math.floor(now() / 1000);
  const maxBodyBytes = options.maxBodyBytes ?? MAX_PUSH_BYTES;
  const dedupe = new PushDedupe<Answer>(now);

  const refuse = (req: Request, res: Response, status: number, problem: string) => {
    logger.warn({ status, problem, ip: clientAddress(req) }, 'official account request refused');
    res.sendRaw(status, status === 403 ? 'forbidden' : status === 413 ? 'too large' : 'bad request', {
      'Content-Type': 'text/plain; charset=utf-8',
    });
  };

  server.get(path, async (req: Request, res: Response) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const problem = checkSignedQuery(query, keys.token, nowSeconds());
    if (problem) return refuse(req, res, problem.status, problem.problem);
    res.sendRaw(200, typeof query.echostr === 'string' ? query.echostr : '', { 'Content-Type': 'text/plain; charset=utf-8' });
  });

  server.post(path, async (req: Request, res: Response) => {
    const body = await readBody(req, maxBodyBytes);
    if (body === undefined) {
      res.header('Connection', 'close');
      return refuse(req, res, 413, `body over ${maxBodyBytes} bytes`);
    }
    const opened = openPush((req.query ?? {}) as Record<string, unknown>, body, keys, nowSeconds());
    if (!opened.ok) return refuse(req, res, opened.status, opened.problem);
    const { message, encrypted } = opened;
    const { first, answer } = dedupe.once(pushKey(message), () => answerPush(message, encrypted));
    if (!first) logger.info({ msgType: message.msgType, event: message.event }, 'official account push received again; answered once');
    const { body: reply, contentType, after } = await answer;
    // The rest follows the passive reply, so the follower reads the parts in order.
    if (first && after) res.once('close', after);
    res.sendRaw(200, reply, { 'Content-Type': contentType });
  });

  /** Runs the push and answers with the passive reply if it is ready in time, else "success". */
  async function answerPush(message: InboundMessage, encrypted: boolean): Promise<Answer> {
    const openId = message.fromUserName;
    const { replies, done } = options.handler.start(message);
    void done.then((outcome) => {
      logger.debug({ msgType: message.msgType, event: message.event, outcome }, 'official account push handled');
      options.onPushHandled?.(message, outcome);
    });
    const sendLate = (texts: string[]) =>
      options.sendLate(openId, texts).catch((err: unknown) => logger.error({ err }, 'official account reply could not be sent'));
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      done.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), options.passiveReplyMs ?? PASSIVE_REPLY_MS);
      }),
    ]);
    clearTimeout(timer);
    if (!inTime) {
      // Too slow for a passive reply: answer now, send what the turn says as it says it.
      void replies.goLate(sendLate);
      return SUCCESS;
    }
    const { passive, rest } = passiveAndRest(replies.takeBuffered(), options.maxChars);
    if (passive === undefined) return SUCCESS;
    const after = rest.length ? () => void sendLate(rest) : undefined;
    const xml = textReplyXml({ toUser: openId, fromUser: message.toUserName, createTime: nowSeconds(), content: passive });
    const body = encrypted && keys.crypto ? sealReply(xml, { token: keys.token, crypto: keys.crypto }, nowSeconds()) : xml;
    return { body, contentType: 'application/xml; charset=utf-8', after };
  }
}

/** The request body as text, or undefined when it is larger than `limit` bytes (not read then). */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
