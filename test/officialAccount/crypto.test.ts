import { MessageCrypto, MessageCryptoError } from '../../src/channels/officialAccount/crypto';
import { wechatSignature } from '../../src/channels/officialAccount/signature';
import { openPush } from '../../src/channels/officialAccount/push';
import { flatXml } from '../../src/channels/officialAccount/xml';

// The sample Tencent publishes with its message-crypto SDK (WXBizMsgCrypt).
const SAMPLE = {
  aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wxb11529c136998cb6',
  random: 'aaaabbbbccccdddd',
  message: '我是中文abcd123',
  ciphertext: 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==',
};

describe('safe-mode message crypto', () => {
  const crypto = new MessageCrypto(SAMPLE.aesKey, SAMPLE.appId);

  test("encrypting Tencent's sample gives Tencent's ciphertext", () => {
    expect(crypto.encrypt(SAMPLE.message, Buffer.from(SAMPLE.random))).toBe(SAMPLE.ciphertext);
  });

  test("decrypting Tencent's ciphertext gives the sample message back", () => {
    expect(crypto.decrypt(SAMPLE.ciphertext)).toBe(SAMPLE.message);
  });

  test('a random prefix round-trips, also for long XML', () => {
    const xml = `<xml><Content><![CDATA[${'长文本'.repeat(500)}]]></Content></xml>`;
    const a = crypto.encrypt(xml);
    expect(a).not.toBe(crypto.encrypt(xml));
    expect(crypto.decrypt(a)).toBe(xml);
  });

  test('a message for another AppID is refused', () => {
    const other = new MessageCrypto(SAMPLE.aesKey, 'wx0000000000000000');
    expect(() => crypto.decrypt(other.encrypt('hello'))).toThrow(new MessageCryptoError('wrong-appid'));
  });

  test('garbage and a wrong key are refused without throwing anything else', () => {
    expect(() => crypto.decrypt('not base64 at all!')).toThrow(MessageCryptoError);
    expect(() => crypto.decrypt(Buffer.alloc(32, 7).toString('base64'))).toThrow(MessageCryptoError);
    const wrongKey = new MessageCrypto('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefg', SAMPLE.appId);
    expect(() => wrongKey.decrypt(SAMPLE.ciphertext)).toThrow(MessageCryptoError);
    expect(() => new MessageCrypto('too-short', SAMPLE.appId)).toThrow(MessageCryptoError);
  });
});

describe('opening a push', () => {
  const token = 'huibotToken2026';
  const now = 1_780_000_000;
  const keys = { token, crypto: new MessageCrypto(SAMPLE.aesKey, SAMPLE.appId) };
  const inner = flatXml({ ToUserName: 'gh_1', FromUserName: 'oUser1', CreateTime: now, MsgType: 'text', Content: '你好', MsgId: '24151234567890123456' });

  function signedQuery(encrypt?: string, timestamp = String(now)) {
    const nonce = '42';
    return {
      timestamp,
      nonce,
      signature: wechatSignature(token, timestamp, nonce),
      ...(encrypt ? { encrypt_type: 'aes', msg_signature: wechatSignature(token, timestamp, nonce, encrypt) } : {}),
    };
  }

  test('plaintext: signature checked, fields read as strings (the 64-bit MsgId stays exact)', () => {
    const opened = openPush(signedQuery(), inner, { token }, now);
    expect(opened).toEqual({
      ok: true,
      encrypted: false,
      message: expect.objectContaining({ fromUserName: 'oUser1', msgType: 'text', content: '你好', msgId: '24151234567890123456', createTime: now }),
    });
  });

  test('safe mode: msg_signature over the Encrypt field, then decryption', () => {
    const encrypt = keys.crypto.encrypt(inner);
    const body = flatXml({ ToUserName: 'gh_1', Encrypt: encrypt });
    expect(openPush(signedQuery(encrypt), body, keys, now)).toMatchObject({ ok: true, encrypted: true, message: { content: '你好' } });
    const bad = { ...signedQuery(encrypt), msg_signature: wechatSignature(token, String(now), '42', 'other') };
    expect(openPush(bad, body, keys, now)).toEqual({ ok: false, status: 403, problem: 'bad msg_signature' });
  });

  test('refusals: stale timestamp, plaintext in safe mode, DTD, malformed XML, missing fields', () => {
    expect(openPush(signedQuery(undefined, String(now - 301)), inner, { token }, now)).toMatchObject({ status: 403, problem: 'timestamp outside the window' });
    expect(openPush(signedQuery(), inner, keys, now)).toMatchObject({ status: 403 });
    expect(openPush(signedQuery(), '<!DOCTYPE x [<!ENTITY a "b">]><xml/>', { token }, now)).toMatchObject({ status: 400 });
    expect(openPush(signedQuery(), '<xml><Content>', { token }, now)).toMatchObject({ status: 400 });
    expect(openPush(signedQuery(), '<xml><MsgType>text</MsgType></xml>', { token }, now)).toMatchObject({ status: 400 });
    expect(openPush({ ...signedQuery(), signature: 'x'.repeat(40) }, inner, { token }, now)).toMatchObject({ status: 403, problem: 'bad signature' });
  });
});
