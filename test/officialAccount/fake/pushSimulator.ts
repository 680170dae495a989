import { randomBytes } from 'node:crypto';
import { MessageCrypto } from '../../../src/channels/officialAccount/crypto';
import { wechatSignature } from '../../../src/channels/officialAccount/signature';
import { flatXml, parseXmlFields } from '../../../src/channels/officialAccount/xml';

/** plain = 明文模式, compatible = 兼容模式 (plain fields and Encrypt), safe = 安全模式 */
export type PushMode = 'plain' | 'compatible' | 'safe';

export interface PushSimulatorOptions {
  /** the bot's endpoint, e.g. http://127.0.0.1:3978/wechat/oa */
  endpoint: string;
  token: string;
  appId: string;
  aesKey?: string;
  mode: PushMode;
  /** the account's original id */
  accountId?: string;
  now?: () => number;
  /** told of every push (the fake API uses it to open the 48-hour window) */
  onPush?: (openId: string, fields: Record<string, string | number>) => void;
}

/** How to spoil one push, for the refusal tests. */
export interface Tamper {
  signature?: boolean;
  /** seconds added to the timestamp */
  timestampOffset?: number;
  /** encrypt with this AppID instead of the account's */
  appId?: string;
  /** send this body as is */
  rawBody?: string;
}

export interface PushResult {
  status: number;
  body: string;
  /** the passive reply's text, decrypted in safe mode; undefined when the answer was "success" */
  reply?: string;
  /** the reply XML after decryption */
  replyFields?: Record<string, string>;
}

let msgCounter = 0;

/**
 * Plays WeChat's side of the server URL: builds a push as XML, signs it (signature over token,
 * timestamp and nonce; msg_signature over them and the Encrypt field), encrypts it in safe and
 * compatible mode, POSTs it, and opens the passive reply (checking its signature).
 */
export class PushSimulator {
  private readonly now: () => number;
  private readonly crypto?: MessageCrypto;
  readonly accountId: string;

  constructor(private readonly options: PushSimulatorOptions) {
    this.now = options.now ?? Date.now;
    this.accountId = options.accountId ?? 'gh_0123456789ab';
    if (options.mode !== 'plain') {
      if (!options.aesKey) throw new Error('safe and compatible mode need the EncodingAESKey');
      this.crypto = new MessageCrypto(options.aesKey, options.appId);
    }
  }

  /** A new MsgId (64-bit-like, as a string). */
  static msgId(): string {
    return `2415${String(Date.now()).slice(-9)}${String(++msgCounter).padStart(6, '0')}`;
  }

  text(openId: string, content: string, extra: { msgId?: string; createTime?: number } = {}, tamper?: Tamper): Promise<PushResult> {
    return this.push(openId, { MsgType: 'text', Content: content, MsgId: extra.msgId ?? PushSimulator.msgId() }, extra.createTime, tamper);
  }

  event(openId: string, event: string, eventKey?: string, createTime?: number): Promise<PushResult> {
    return this.push(openId, { MsgType: 'event', Event: event, ...(eventKey !== undefined ? { EventKey: eventKey } : {}) }, createTime);
  }

  /** Any message type (image, voice, location…) with its own fields. */
  message(openId: string, fields: Record<string, string>, createTime?: number): Promise<PushResult> {
    return this.push(openId, { MsgId: PushSimulator.msgId(), ...fields }, createTime);
  }

  async push(openId: string, fields: Record<string, string>, createTime?: number, tamper: Tamper = {}): Promise<PushResult> {
    const all: Record<string, string | number> = {
      ToUserName: this.accountId,
      FromUserName: openId,
      CreateTime: createTime ?? Math.floor(this.now() / 1000),
      ...fields,
    };
    const xml = flatXml(all);
    const timestamp = String(Math.floor(this.now() / 1000) + (tamper.timestampOffset ?? 0));
    const nonce = String(randomBytes(4).readUInt32BE(0));
    const query: Record<string, string> = { signature: wechatSignature(this.options.token, timestamp, nonce), timestamp, nonce, openid: openId };
    let body = xml;
    if (this.crypto) {
      const crypto = tamper.appId ? new MessageCrypto(this.options.aesKey!, tamper.appId) : this.crypto;
      const encrypt = crypto.encrypt(xml);
      query.encrypt_type = 'aes';
      query.msg_signature = wechatSignature(this.options.token, timestamp, nonce, encrypt);
      body = this.options.mode === 'safe' ? flatXml({ ToUserName: this.accountId, Encrypt: encrypt }) : flatXml({ ...all, Encrypt: encrypt });
    }
    if (tamper.signature) {
      query.signature = flip(query.signature);
      if (query.msg_signature) query.msg_signature = flip(query.msg_signature);
    }
    if (tamper.rawBody !== undefined) body = tamper.rawBody;
    this.options.onPush?.(openId, all);
    return this.post(query, body);
  }

  /** POSTs `body` with `query` as it is (no signing). */
  async post(query: Record<string, string>, body: string): Promise<PushResult> {
    const response = await fetch(`${this.options.endpoint}?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body,
    });
    const text = await response.text();
    const result: PushResult = { status: response.status, body: text };
    if (response.status === 200 && text.startsWith('<xml>')) {
      result.replyFields = this.openReply(text);
      result.reply = result.replyFields.Content;
    }
    return result;
  }

  /** The URL check 公众平台 does when 服务器配置 is saved. */
  async verifyUrl(echostr = 'echo-1234567890', tamper: Tamper = {}): Promise<{ status: number; body: string }> {
    const timestamp = String(Math.floor(this.now() / 1000) + (tamper.timestampOffset ?? 0));
    const nonce = '1357924680';
    let signature = wechatSignature(this.options.token, timestamp, nonce);
    if (tamper.signature) signature = flip(signature);
    const response = await fetch(`${this.options.endpoint}?${new URLSearchParams({ signature, timestamp, nonce, echostr })}`);
    return { status: response.status, body: await response.text() };
  }

  private openReply(text: string): Record<string, string> {
    const outer = parseXmlFields(text);
    if (!outer.Encrypt) return outer;
    if (!this.crypto) throw new Error('an encrypted reply to a plaintext push');
    const expected = wechatSignature(this.options.token, outer.TimeStamp, outer.Nonce, outer.Encrypt);
    if (outer.MsgSignature !== expected) throw new Error('the reply has a bad MsgSignature');
    return parseXmlFields(this.crypto.decrypt(outer.Encrypt));
  }
}

function flip(signature: string): string {
  return (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1);
}
