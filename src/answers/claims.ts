/**
 * A statement the user asks us to judge ("专场招聘每年举办3~4场，对不对？", "省级属于二类，判断一下"):
 * whether the answer the policy gives agrees with it. Only what can be compared for sure is judged —
 * a verb the answer denies, counts with their unit (场, 分, 级…), the tier, free against paid, both ways of
 * taking part against one, or a statement made only of the policy's own phrases; anything else is left to
 * the answer itself (undefined).
 */

import type { HonourLevel } from '../domain/vocabulary';

/** The user asks whether a statement is right. */
const JUDGE_ASKED = /对不对|对吗|对么|是否正确|正确吗|正不正确|判断(?:一下|下)?(?![^，,。？?]*(?:几|哪|什么|啥|类别|类型))|是不是这样|是这样吗|是这样的吗|没错吧|对吧|属实吗|是真的吗|说法(?:准确|正确)吗|准确吗|√还是×|判断题/u;

/** A count with its unit, a range allowed: 1~2场, 3场, 2分, 提升1级. */
const COUNT = /(\d+)\s*(?:[~～\-—－至到]\s*(\d+)\s*)?(场|分|级|次|类|项|个汇)/gu;
const TIER_UNIT = /^类$/u;
const NUMERALS: Record<string, string> = { 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };
/** Chinese numerals before a unit or a range read as digits ("一到两场" → "1到2场"). */
const CHINESE_COUNT = /([一二两三四五六七八九十])(?=\s*(?:[~～\-—－至到]\s*[一二两三四五六七八九十\d]\s*)?(?:场|分|级|次|类|项|个汇))|(?<=[~～\-—－至到]\s*)([一二两三四五六七八九十])/gu;

/** A tier claimed of someone ("属于二类", "按二类对待"), of an honour level named just before it ("省级的只算二类"). */
const TIER_CLAIMED = /(?:(国家级|小巨人|省级|市级|区级|园区级)[^，,。；;]{0,6}?)?(?:属于|归为|归入|列为|算作?|是|为|按|作为)(?:汇计划的?)?第?([一二三123])类/gu;
const LEVELS: Record<string, HonourLevel> = { 国家级: 'national', 小巨人: 'national', 省级: 'provincial', 市级: 'city', 区级: 'district', 园区级: 'district' };
/** Paid claimed ("需要按次付费", "要收费") / free claimed ("是免费的"). */
const PAID_CLAIMED = /(?<!不|免|无需|不用|不需要)(?:付费|收费|交费|缴费|要钱|交钱|自费)/u;
const FREE = /免费|不收费|无需付费|不用(?:交)?钱/u;
/** Both ways of taking part ("线上+线下") against only one claimed ("只能线下报名"). */
const BOTH_MODES = /线上\s*[+＋和与、及加]\s*线下|线下\s*[+＋和与、及加]\s*线上/u;
const ONE_MODE_ONLY = /(?:只能|只可以|只|仅|仅限|只有|必须)(?:通过|采取|采用|以)?线[上下]/u;

/** Verbs a statement affirms (not right after a negation: "…不能加分，对吗") and an answer may deny at its start ("不能。", "暂不属于…"). */
const AFFIRMED = /(?<![不没未非无暂])(能|可以|属于|享受|算)/gu;
const MAY_OR_CAN = /^(?:能|可以)$/u;
const COUNTS_AS = /^(?:算|属于)$/u;
const DENIED = /(?:不|暂不|不再|未|无法)(能|可以|属于|享受|算)/u;

/** Words that make a statement say more than the policy's phrases it is made of ("只能", "必须", "不"). */
const ADDS_OR_DENIES = /只能|只有|必须|仅|不|没|无需|无法|未|非|才|所有|全部|一律|直接/u;
/** What asks for the judgement, not part of the statement ("判断一下这句话对不对", "汇计划提出"). */
const FRAMING = /判断(?:一下|下)?|这句话|这个说法|说法|对不对|对吗|对么|是否正确|正确吗|是不是这样|是这样吗|没错吧|对吧|属实吗|是真的吗|准确吗|汇计划|方案|政策|专精特新|(?:里|中)?(?:提出|规定|明确|写着?|说)(?:了)?|会|的|了|吗|呢|吧|和|与|及|等/gu;
const NAMES_ONE_OF_SEVERAL = /[一二三123]类|国家级|省级|市级|区级|小巨人|\d|[一二两三四五六七八九十]\s*(?:场|分|级|次|项|个)/u;
const MARKS = /[“”"「」『』‘’'《》〈〉]/gu;
/** Share of a statement's two-character pieces the policy text must hold. */
const SAID_SHARE = 0.9;

/** The quoted statement, when one is quoted ("判断一下：“…”对不对"), else the whole. */
function quotedOrWhole(text: string): string {
  const quoted = /[“"「]([^”"」]{6,})[”"」]/u.exec(text);
  return quoted ? quoted[1] : text;
}

/** The statement is the policy's own phrases: nearly all its two-character pieces are in the text, nothing added or denied. */
function saidByPolicy(statement: string, quotedSource: string): boolean {
  // (Quote marks and book-title marks part no phrase: “专精特新”荣誉 is 专精特新荣誉.)
  const source = quotedSource.replace(MARKS, '');
  if (ADDS_OR_DENIES.test(statement.replace(FRAMING, ''))) return false;
  // (Which tier, which level, how many: phrases the policy uses for each of them — only a comparison judges those.)
  if (NAMES_ONE_OF_SEVERAL.test(statement)) return false;
  const runs = statement.replace(MARKS, '').replace(FRAMING, ' ').match(/\p{Script=Han}{2,}/gu) ?? [];
  const pieces = runs.flatMap((run) => {
    const chars = [...run];
    return chars.slice(1).map((ch, i) => `${chars[i]}${ch}`);
  });
  if (pieces.length < 6) return false;
  return pieces.filter((p) => source.includes(p)).length / pieces.length >= SAID_SHARE;
}

export type ClaimVerdict = 'right' | 'wrong';

export function judgeAsked(text: string): boolean {
  return JUDGE_ASKED.test(text);
}

function counts(text: string): Map<string, string> {
  const digits = text.replace(CHINESE_COUNT, (m) => NUMERALS[m] ?? m);
  const found = new Map<string, string>();
  for (const m of digits.matchAll(COUNT)) found.set(m[3], m[2] ? `${m[1]}-${m[2]}` : m[1]);
  return found;
}

/**
 * The verdict on the statement, judged by the answer: wrong when they disagree on something comparable,
 * right when every comparable thing stated agrees, undefined when nothing could be compared.
 */
export function claimVerdict(
  statement: string,
  answer: string,
  tier?: number,
  tierOfLevel?: (level: HonourLevel) => number,
  /** the policy text the answer comes from: a statement made only of its phrases is right */
  source?: string,
): ClaimVerdict | undefined {
  // ("…仍可以加2分，对吗？" → "不能。…": the answer's own verdict denies what the statement affirms.)
  const first = answer.split(/[。\n]/u)[0];
  const denied = DENIED.exec(first)?.[1];
  // (能 and 可以 are one verb here — "仍可以加2分" is denied by "不能。" — and so are 算 and 属于.)
  const same = (a: string, b: string) => a === b || (MAY_OR_CAN.test(a) && MAY_OR_CAN.test(b)) || (COUNTS_AS.test(a) && COUNTS_AS.test(b));
  if (denied && [...statement.matchAll(AFFIRMED)].some((m) => same(m[1], denied))) return 'wrong';
  const verdicts: boolean[] = [];
  for (const [, level, claimed] of statement.matchAll(TIER_CLAIMED)) {
    const actual = level && tierOfLevel ? tierOfLevel(LEVELS[level]) : tier;
    if (actual !== undefined) verdicts.push(Number(NUMERALS[claimed] ?? claimed) === actual);
  }
  const given = counts(answer);
  for (const [unit, value] of counts(statement)) {
    // (A tier is judged above, by the verdict — not by the tiers an answer happens to name.)
    if (TIER_UNIT.test(unit)) continue;
    const stated = given.get(unit);
    if (stated !== undefined) verdicts.push(stated === value);
  }
  if (FREE.test(answer)) {
    if (PAID_CLAIMED.test(statement)) verdicts.push(false);
    else if (FREE.test(statement)) verdicts.push(true);
  }
  if (BOTH_MODES.test(answer)) {
    if (ONE_MODE_ONLY.test(statement)) verdicts.push(false);
    else if (BOTH_MODES.test(statement)) verdicts.push(true);
  }
  // ("…“对首次认定专精特新荣誉的企业，汇计划提出在政策框架内给予奖补。”对不对": every phrase of the statement is the
  // policy's own, with nothing exclusive or denied added — right.)
  if (verdicts.length === 0 && source !== undefined && saidByPolicy(quotedOrWhole(statement), source)) return 'right';
  if (verdicts.length === 0) return undefined;
  return verdicts.every(Boolean) ? 'right' : 'wrong';
}
