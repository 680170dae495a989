import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's request signature: SHA-1 (hex) of the given parts sorted as strings and concatenated.
 * The URL check and plaintext pushes sign token, timestamp and nonce; safe mode's msg_signature
 * adds the Encrypt field.
 */
export function wechatSignature(...parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

/** Compares a received signature with the expected one in constant time. */
export function signatureMatches(received: unknown, expected: string): boolean {
  if (typeof received !== 'string' || received.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(received.toLowerCase()), Buffer.from(expected));
}
