import { randomBytes } from 'node:crypto';
import { MessageCryptoError, type MessageCrypto } from './crypto';
import { signatureMatches, wechatSignature } from './signature';
import { encryptedEnvelope, encryptedReplyXml, MalformedXmlError, parseXmlFields, toInboundMessage, type InboundMessage } from './xml';

/** How far a push's timestamp may be from our clock. */
export const TIMESTAMP_WINDOW_SECONDS = 300;

export interface PushKeys {
  token: string;
  /** present when WECHAT_OA_AES_KEY is set: then only encrypted pushes are accepted */
  crypto?: MessageCrypto;
}

export type Query = Record<string, unknown>;

/** Why a request was refused; `problem` is logged (never the content). */
export interface Refusal {
  ok: false;
  status: 400 | 403;
  problem: string;
}

export type OpenedPush = { ok: true; message: InboundMessage; encrypted: boolean } | Refusal;

const refuse = (status: 400 | 403, problem: string): Refusal => ({ ok: false, status, problem });

/** The signature and timestamp every request carries (URL check and pushes). */
export function checkSignedQuery(query: Query, token: string, nowSeconds: number): Refusal | undefined {
  const { signature, timestamp, nonce } = query;
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp) || typeof nonce !== 'string' || !nonce) {
    return refuse(403, 'timestamp or nonce missing');
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > TIMESTAMP_WINDOW_SECONDS) return refuse(403, 'timestamp outside the window');
  if (!signatureMatches(signature, wechatSignature(token, timestamp, nonce))) return refuse(403, 'bad signature');
  return undefined;
}

/**
 * Checks and opens one POSTed push: timestamp window, signature (msg_signature over the
 * Encrypt field in safe and compatible mode), decryption with the AppID check, XML.
 */
export function openPush(query: Query, body: string, keys: PushKeys, nowSeconds: number): OpenedPush {
  const encrypted = query.encrypt_type === 'aes';
  const { timestamp, nonce } = query;
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp) || typeof nonce !== 'string' || !nonce) {
    return refuse(403, 'timestamp or nonce missing');
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > TIMESTAMP_WINDOW_SECONDS) return refuse(403, 'timestamp outside the window');

  if (!encrypted) {
    if (keys.crypto) return refuse(403, 'plaintext push while safe mode is configured (WECHAT_OA_AES_KEY)');
    const problem = checkSignedQuery(query, keys.token, nowSeconds);
    if (problem) return problem;
    return parseMessage(body, false);
  }

  if (!keys.crypto) return refuse(403, 'encrypted push but WECHAT_OA_AES_KEY is not set');
  // The plain signature is sent too; when present it must hold as well.
  if (query.signature !== undefined && !signatureMatches(query.signature, wechatSignature(keys.token, timestamp, nonce))) {
    return refuse(403, 'bad signature');
  }
  let fields: Record<string, string>;
  try {
    fields = parseXmlFields(body);
  } catch (err) {
    return refuse(400, err instanceof MalformedXmlError ? err.message : 'unreadable body');
  }
  const envelope = encryptedEnvelope(fields);
  if (!envelope) return refuse(400, 'no Encrypt field');
  if (!signatureMatches(query.msg_signature, wechatSignature(keys.token, timestamp, nonce, envelope.encrypt))) {
    return refuse(403, 'bad msg_signature');
  }
  let inner: string;
  try {
    inner = keys.crypto.decrypt(envelope.encrypt);
  } catch (err) {
    if (err instanceof MessageCryptoError && err.problem === 'wrong-appid') return refuse(403, 'wrong AppID in the encrypted message');
    return refuse(400, err instanceof Error ? err.message : 'undecryptable');
  }
  return parseMessage(inner, true);
}

function parseMessage(xml: string, encrypted: boolean): OpenedPush {
  try {
    return { ok: true, message: toInboundMessage(parseXmlFields(xml)), encrypted };
  } catch (err) {
    return refuse(400, err instanceof MalformedXmlError ? err.message : 'unreadable message');
  }
}

/** The HTTP body of a passive reply in safe mode: the reply XML encrypted and signed. */
export function sealReply(xml: string, keys: Required<PushKeys>, nowSeconds: number): string {
  const timestamp = String(nowSeconds);
  const nonce = randomBytes(8).toString('hex');
  const encrypt = keys.crypto.encrypt(xml);
  return encryptedReplyXml({ encrypt, signature: wechatSignature(keys.token, timestamp, nonce, encrypt), timestamp, nonce });
}
