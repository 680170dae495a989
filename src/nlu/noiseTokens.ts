/** Parts of a message that are no words of a question: addresses, product and ticket numbers, a date heading a line. */

/**
 * What a message carries that is no word of a question ("ops@xx-ic.cn 2026/12/06：…", "(HX-3200A)", "ticket IC-9012"):
 * e-mail and web addresses, product and ticket numbers (letters and digits joined by hyphens), a full date heading
 * a line; separators left at the start go too. (A date of a recognition — "2025/06/01认定" — is followed by its verb, not
 * by a separator, and stays.)
 */
const NOISE_TOKENS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/|www\.)[^\s\u4e00-\u9fff，。；！？]+|(?<![A-Za-z0-9])[A-Za-z]{1,8}(?:-[A-Za-z0-9]+)*-(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9])|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?=\s*[：:|｜)）]|\s)/gu;
/** The quick test before the full pattern: an @, a web address, a letter joined by a hyphen, a full date. */
const MAY_HOLD_NOISE = /@|\/\/|www\.|[A-Za-z]-|-[A-Za-z0-9]|\d{4}[/.-]\d{1,2}[/.-]\d/u;
const LEADING_SEPARATORS = /^[\s|｜,，:：;；/\\-]+/u;
const EMPTY_BRACKETS = /[(（][\s,，、;；|｜]*[)）]/gu;

export function withoutNoise(text: string): string {
  if (!MAY_HOLD_NOISE.test(text)) return text;
  const kept = text.replace(NOISE_TOKENS, ' ').replace(EMPTY_BRACKETS, ' ').replace(/[|｜]/gu, '，').replace(LEADING_SEPARATORS, '');
  return kept.trim() ? kept.replace(/\s{2,}/gu, ' ').trim() : text;
}
