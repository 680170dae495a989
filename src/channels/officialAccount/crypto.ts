import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** WeChat pads to 32-byte blocks (PKCS#7 with a block of 32, not AES's 16). */
const BLOCK = 32;
const RANDOM_BYTES = 16;

/** Why a safe-mode message could not be opened (never includes the message itself). */
export class MessageCryptoError extends Error {
  constructor(readonly problem: 'bad-key' | 'bad-ciphertext' | 'bad-padding' | 'bad-length' | 'wrong-appid') {
    super(`safe-mode message rejected: ${problem}`);
  }
}

/**
 * The message encryption of the Official Account "safe mode": AES-256-CBC with the key decoded
 * from the 43-character EncodingAESKey (IV = its first 16 bytes), over
 * random(16) + length(4, network order) + message + AppID, padded PKCS#7 to 32 bytes.
 */
export class MessageCrypto {
  private readonly key: Buffer;
  private readonly iv: Buffer;

  constructor(
    encodingAesKey: string,
    private readonly appId: string,
  ) {
    if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey)) throw new MessageCryptoError('bad-key');
    this.key = Buffer.from(`${encodingAesKey}=`, 'base64');
    if (this.key.length !== 32) throw new MessageCryptoError('bad-key');
    this.iv = this.key.subarray(0, 16);
  }

  /** Base64 ciphertext of `message`; `random` is for tests reproducing Tencent's sample. */
  encrypt(message: string, random: Buffer = randomBytes(RANDOM_BYTES)): string {
    if (random.length !== RANDOM_BYTES) throw new Error('random must be 16 bytes');
    const body = Buffer.from(message, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length, 0);
    const plain = Buffer.concat([random, length, body, Buffer.from(this.appId, 'utf8')]);
    const pad = BLOCK - (plain.length % BLOCK);
    const cipher = createCipheriv('aes-256-cbc', this.key, this.iv);
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
  }

  /** The message inside `encrypted`; throws MessageCryptoError, also when the AppID is not ours. */
  decrypt(encrypted: string): string {
    const data = Buffer.from(encrypted, 'base64');
    if (!data.length || data.length % 16 !== 0) throw new MessageCryptoError('bad-ciphertext');
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-cbc', this.key, this.iv);
      decipher.setAutoPadding(false);
      plain = Buffer.concat([decipher.update(data), decipher.final()]);
    } catch {
      throw new MessageCryptoError('bad-ciphertext');
    }
    const pad = plain[plain.length - 1];
    if (pad < 1 || pad > BLOCK || pad > plain.length) throw new MessageCryptoError('bad-padding');
    const content = plain.subarray(0, plain.length - pad);
    if (content.length < RANDOM_BYTES + 4) throw new MessageCryptoError('bad-length');
    const length = content.readUInt32BE(RANDOM_BYTES);
    const start = RANDOM_BYTES + 4;
    if (start + length > content.length) throw new MessageCryptoError('bad-length');
    const appId = content.subarray(start + length).toString('utf8');
    if (appId !== this.appId) throw new MessageCryptoError('wrong-appid');
    return content.subarray(start, start + length).toString('utf8');
  }
}
