import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * XML of the Official Account push protocol, through fast-xml-parser (validated, never split by
 * hand). Values stay strings: MsgId is a 64-bit number that a JavaScript number would round.
 */

export class MalformedXmlError extends Error {}

/** One message or event pushed by WeChat, after decryption. */
export interface InboundMessage {
  /** the account's original id (gh_…) */
  toUserName: string;
  /** the follower's OpenID */
  fromUserName: string;
  /** seconds since the epoch */
  createTime: number;
  /** text | image | voice | video | shortvideo | location | link | file | event … */
  msgType: string;
  msgId?: string;
  content?: string;
  /** subscribe | unsubscribe | CLICK | VIEW | SCAN | LOCATION | TEMPLATESENDJOBFINISH … */
  event?: string;
  eventKey?: string;
  /** speech recognition result of a voice message, when the account has it enabled */
  recognition?: string;
  /** TEMPLATESENDJOBFINISH: success | failed:user block | failed: system failed */
  status?: string;
}

/** The outer XML of a safe-mode or compatible-mode push. */
export interface EncryptedEnvelope {
  toUserName?: string;
  encrypt: string;
}

const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  trimValues: true,
  processEntities: true,
});

const builder = new XMLBuilder({ cdataPropName: '#cdata', suppressEmptyNode: false });

/** The children of the root <xml> element as strings; throws MalformedXmlError. */
export function parseXmlFields(body: string): Record<string, string> {
  // Pushes never carry a DTD; refusing one rules out entity expansion tricks.
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw new MalformedXmlError('DTDs are not accepted');
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new MalformedXmlError(`malformed XML (line ${valid.err.line})`);
  const parsed = parser.parse(body) as Record<string, unknown>;
  const root = parsed.xml;
  if (!root || typeof root !== 'object' || Array.isArray(root)) throw new MalformedXmlError('no <xml> root element');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(root as Record<string, unknown>)) {
    if (typeof value === 'string') fields[name] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') fields[name] = String(value);
  }
  return fields;
}

/** Reads the message fields of a (decrypted) push; throws MalformedXmlError when required ones are missing. */
export function toInboundMessage(fields: Record<string, string>): InboundMessage {
  const { ToUserName, FromUserName, CreateTime, MsgType } = fields;
  if (!ToUserName || !FromUserName || !MsgType || !/^\d{1,12}$/.test(CreateTime ?? '')) {
    throw new MalformedXmlError('ToUserName, FromUserName, CreateTime and MsgType are required');
  }
  return {
    toUserName: ToUserName,
    fromUserName: FromUserName,
    createTime: Number(CreateTime),
    msgType: MsgType,
    msgId: fields.MsgId || fields.MsgID || undefined,
    content: fields.Content,
    event: fields.Event || undefined,
    eventKey: fields.EventKey || undefined,
    recognition: fields.Recognition || undefined,
    status: fields.Status || undefined,
  };
}

/** The Encrypt field (and ToUserName) of a safe-mode or compatible-mode push, if it has one. */
export function encryptedEnvelope(fields: Record<string, string>): EncryptedEnvelope | undefined {
  return fields.Encrypt ? { toUserName: fields.ToUserName, encrypt: fields.Encrypt } : undefined;
}

/** A passive text reply (plaintext form). */
export function textReplyXml(reply: { toUser: string; fromUser: string; createTime: number; content: string }): string {
  return builder.build({
    xml: {
      ToUserName: { '#cdata': reply.toUser },
      FromUserName: { '#cdata': reply.fromUser },
      CreateTime: reply.createTime,
      MsgType: { '#cdata': 'text' },
      Content: { '#cdata': reply.content },
    },
  }) as string;
}

/** The safe-mode wrapper of an encrypted reply. */
export function encryptedReplyXml(reply: { encrypt: string; signature: string; timestamp: string; nonce: string }): string {
  return builder.build({
    xml: {
      Encrypt: { '#cdata': reply.encrypt },
      MsgSignature: { '#cdata': reply.signature },
      TimeStamp: reply.timestamp,
      Nonce: { '#cdata': reply.nonce },
    },
  }) as string;
}

/** Any flat <xml> document with CDATA strings (the push simulator builds pushes with it). */
export function flatXml(fields: Record<string, string | number>): string {
  const xml: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) xml[name] = typeof value === 'number' ? value : { '#cdata': value };
  return builder.build({ xml }) as string;
}
