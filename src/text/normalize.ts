/** Character-level clean-up shared by every NLU step. */

/** Longest text analysed; longer messages are cut (recognition stays fast on 10,000 characters). */
export const MAX_ANALYSED_CHARS = 300;

const ZERO_WIDTH = /[\u200b-\u200f\u2060\ufeff]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
/** letters, digits and CJK ideographs: what carries meaning */
const MEANINGFUL = /[\p{L}\p{N}]/u;

/** NFKC (full-width → half-width), lower case, no control or zero-width characters, single spaces. */
export function cleanText(raw: string | undefined | null): string {
  if (!raw) return '';
  return raw
    .slice(0, MAX_ANALYSED_CHARS * 2)
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(CONTROL, ' ')
    .toLowerCase()
    .replace(WECHAT_EMOJI, ' ')
    .replace(LATIN_GLOSS, '')
    .replace(/\s+/g, ' ')
    .replace(CHINESE_YEAR, (year) => [...year].map((d) => CHINESE_DIGIT[d] ?? d).join(''))
    .replace(SPOKEN_SHORT_YEAR, (year) => [...year].map((d) => CHINESE_DIGIT[d] ?? d).join(''))
    .replace(QUOTED_WORD, '$1')
    .trim()
    .slice(0, MAX_ANALYSED_CHARS);
}

/** A WeChat emoji as its code ("[捂脸]", "[抱拳]", "[OK]"): no words of the message. */
const WECHAT_EMOJI = /\[(?:\p{Script=Han}{1,4}|[a-z!]{2,10})\]/gu;

/** An English gloss in brackets after a Chinese word ("形式（format）", "培训（training）"): the word says it already. */
const LATIN_GLOSS = /(?<=\p{Script=Han})\s*\(\s*[a-z][a-z .'-]{1,23}\)/gu;

/** A short word in quotation marks ("几个“汇”", "分几个‘汇’"): the word, as if typed without them. */
const QUOTED_WORD = /[“"「『‘]([\p{Script=Han}]{1,6})[”"」』’]/gu;

/** A year written in Chinese digits ("二〇二四年", "二零二一年"), or mixed with Arabic ones ("二0二四年"): read as the digits it is. */
const CHINESE_YEAR = /(?:[一1][九9]|[二2][〇零0oO])[〇零一二三四五六七八九0-9]{2}(?=年)/gu;
/**
 * A year said by its last two digits in Chinese ("二二年评的区级", "零九年成立", "二三年三月份"), as voice input writes
 * it: read as "22年" (two-digit years are this century's). Spans of time ("二三年来", "再过二三年", "一二年") are no years.
 */
const SPOKEN_SHORT_YEAR = /(?<![零〇一二三四五六七八九十两百千\d第过近再这那头用花等隔每])(?!一二)[零〇一二][〇零一二三四五六七八九](?=年(?!以?前|来|内|之内|多|左右|后|以后|间|以上|以内|半|时间))/gu;
const CHINESE_DIGIT: Record<string, string> = { 〇: '0', 零: '0', o: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** True when the text has no letter, digit or ideograph (only punctuation, emoji, spaces). */
export function isMeaningless(text: string): boolean {
  return !MEANINGFUL.test(text);
}

export function isCjk(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** True for a token made only of punctuation, symbols or spaces. */
export function isPunctuation(token: string): boolean {
  // Most tokens start with an ideograph, a latin letter or a digit: meaningful without the regex.
  const c = token.charCodeAt(0);
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)) return false;
  return !MEANINGFUL.test(token);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Full-width ASCII (ＡＢＣ１２３＋) and the ideographic space to their half-width forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The text without the marks that close it ("那转型升级呢？" → "那转型升级呢"): they are no words of it. */
export function withoutClosingMarks(text: string): string {
  return text.replace(/[?？。.!！~～\s]+$/u, '');
}
