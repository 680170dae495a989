/**
 * Facet cues (knowledge/policy): a cue is found when the question holds it. A cue written with "…"
 * ("入库…条件") holds its parts in that order with a few characters between them, so "入库培育企业
 * 需要满足什么条件" finds it as "入库条件" does.
 */
import { cleanText } from './normalize';

/** Most characters between two parts of a cue written with "…". */
const MAX_CUE_GAP = 12;
/** "哪" and "第几" before 一: "哪一类", "哪一个" ask, they name nothing. */
const WHICH = /[哪几]/u;
/** A cue that begins with the numeral one. */
const ONE = /^\u4e00/u;
/** "…" as written, and as NFKC leaves it ("..."). */
const GAP = /…+|\.{3,}/u;

/** The cleaned parts of a cue: one for a plain cue, several for one written with "…". */
export function cueParts(cue: string): string[] {
  return cue
    .split(GAP)
    .map((p) => cleanText(p).trim())
    .filter(Boolean);
}

/** The cue as found in the cleaned text (its parts joined), or undefined when the text does not hold it. */
export function findCue(text: string, cue: string): string | undefined {
  const found = findCueIn(text, cue);
  if (found !== undefined) return found;
  // ("一共有多少条具体措施" holds "多少条措施": a modifier inside a cue does not hide it.)
  const plain = text.replace(MODIFIERS, '');
  return plain === text ? undefined : findCueIn(plain, cue);
}

/** Modifiers that may stand inside a cue's words ("多少条具体措施", "哪些具体的服务"). */
const MODIFIERS = /具体的?|详细的?/gu;

function findCueIn(text: string, cue: string): string | undefined {
  const parts = cueParts(cue);
  if (parts.length === 0) return undefined;
  const [first, ...rest] = parts;
  for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
    // ("哪一类" asks which class; it does not name 一类.)
    if (ONE.test(first) && WHICH.test(text.slice(Math.max(0, at - 1), at))) continue;
    let end = at + first.length;
    const found = rest.every((part) => {
      const i = text.indexOf(part, end);
      if (i < 0 || i - end > MAX_CUE_GAP) return false;
      end = i + part.length;
      return true;
    });
    if (found) return parts.join('');
  }
  return undefined;
}
