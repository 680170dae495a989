/**
 * Traditional characters read as Simplified ("請問二類是指什麼" → "请问二类是指什么"): messages from
 * Taiwan, Hong Kong or a phone set to Traditional input are understood like any other. OpenCC's
 * tables (opencc-js), Taiwan usage first.
 */
import { Converter } from 'opencc-js/t2cn';

const convert = Converter({ from: 'tw', to: 'cn' });

/** Any CJK character: an ASCII-only text needs no look-up. */
const HAN = /[\u3400-\u9fff]/u;

/**
 * The text in Simplified characters. `keep`: characters that are Simplified too and that the tables
 * would change (knowledge/nlu/synonyms.yaml `simplifiedToo`), left as typed.
 */
export function toSimplified(text: string, keep: ReadonlySet<string> = new Set()): string {
  if (!HAN.test(text)) return text;
  const converted = convert(text);
  if (converted === text || converted.length !== text.length || keep.size === 0) return converted;
  let out = '';
  for (let i = 0; i < text.length; i++) out += keep.has(text[i]) ? text[i] : converted[i];
  return out;
}
