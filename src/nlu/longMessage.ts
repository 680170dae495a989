/**
 * A message longer than the recognizer reads, shortened to what it needs: long letters open with background and
 * end with the question ("…现有员工150人…客户主要是…想咨询一下：…具体有哪些支持？"), so the last clause and the
 * asking clauses (of the last sentence first) are kept first, then the opening, then what tells the enterprise's
 * honours and plans, then the rest — each clause whole and in its place.
 */

/** A clause with the mark that ends it. */
const CLAUSE = /[^，,。！？!?；;：:\n]+[，,。！？!?；;：:\n]*|[，,。！？!?；;：:\n]+/gu;
const SENTENCE_END = /[。！？!?；;\n]\s*$/u;
const ASKS = /[？?]|[吗么呢嘛]|什么|啥|哪|怎么|咋|如何|能否|是否|可否|几|多少|有没有|能不能|可不可以|请问|想问|咨询/u;
const TELLS = /专精特新|小巨人|国家级|省级|市级|区级|培育库|入库|荣誉|认定|评上|获评|(?:19|20)\d{2}\s*年|[一二三]类|上市|招聘|人才|融资|贷款|打算|计划|准备/u;

/** How many times the budget is weighed at most, in characters. */
const MAX_WEIGHED = 20;

interface Unit {
  text: string;
  length: number;
  sentence: number;
}

function unitsOf(text: string): Unit[] {
  let sentence = 0;
  return (text.match(CLAUSE) ?? [text]).map((t) => {
    const unit = { text: t, length: [...t].length, sentence };
    if (SENTENCE_END.test(t)) sentence++;
    return unit;
  });
}

/** The text cut to at most `max` characters, keeping what asks and what tells about the enterprise. */
export function readableWithin(text: string, max: number): string {
  if (text.length <= max) return text;
  // (Thousands of characters: only their opening and their end are weighed — the work stays bounded.)
  const bounded = text.length > max * MAX_WEIGHED ? `${text.slice(0, (max * MAX_WEIGHED) / 2)}。${text.slice(text.length - (max * MAX_WEIGHED) / 2)}` : text;
  const chars = [...bounded];
  if (chars.length <= max) return bounded;
  const units = unitsOf(bounded);
  // (One run-on clause, no marks at all: its opening and its end.)
  if (units.length === 1) return `${chars.slice(0, Math.floor(max / 2)).join('')} ${chars.slice(chars.length - (max - Math.floor(max / 2) - 1)).join('')}`;
  const lastSentence = units[units.length - 1].sentence;
  const order = units.map((_, i) => i);
  const rank = (i: number): number => {
    const u = units[i];
    if (i === units.length - 1 || (u.sentence === lastSentence && ASKS.test(u.text))) return 0;
    if (ASKS.test(u.text)) return 1;
    if (i === 0) return 2;
    if (TELLS.test(u.text)) return 3;
    return 4;
  };
  // Within a rank: the last sentence and the asking clauses from the end, the others from the start.
  const priority = [...order].sort((a, b) => rank(a) - rank(b) || (rank(a) <= 1 ? b - a : a - b));
  const kept = new Set<number>();
  let used = 0;
  for (const i of priority) {
    if (used + units[i].length > max) continue;
    kept.add(i);
    used += units[i].length;
  }
  // (A last sentence longer than the whole budget: its end, where the question is.)
  if (kept.size === 0) return chars.slice(chars.length - max).join('');
  return order.filter((i) => kept.has(i)).map((i) => units[i].text).join('');
}
