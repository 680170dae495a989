/** Slips the writer corrects inside the same message, taken back before the message is read. */

/**
 * A slip corrected in the same message ("深度诊断，啊不，是定向服务", "省级加几分，哦不对，是市级", "2021年评的省级，不对不对，
 * 那是集团母公司的"): what was said before the correction is taken back. An honour level said again replaces the
 * level of the clause taken back and keeps the rest of it (its year, its question); anything else replaces the clause.
 */
const SELF_CORRECTION = /([^，,。；;？?！!]*)[，,]\s*((?:(?:啊|哦|噢|呃|嗯)?不对不对|(?:啊|哦|噢|呃|嗯)不对|(?:啊|哦|噢|呃|嗯)不|(?<![对])不对|我?搞错了|我?说错了|我?记错了|口误|更正一下|纠正一下)(?:[，,]\s*(?:我?搞错了|我?说错了|我?记错了|口误))?)[，,]\s*([^，,。；;？?！!]*)/gu;
/** How the corrected words may start ("是市级的", "其实是定向服务", "我是想问知识产权"). */
const CORRECTED_OPENING = /^(?:应该是|其实是|我是说|我是想问|我想问的是|我是问|我就问|我就想问|我只问|我要问的是|是)/u;
const LEVEL_WORD = /国家级|省级|市级|区级/u;
/** A correction's words standing between commas: the quick test before the full pattern (most messages have none). */
const MARKER_BETWEEN_COMMAS = /[，,]\s*(?:[啊哦噢呃嗯]?(?:不对)+|[啊哦噢呃嗯]不|不对|我?(?:搞|说|记)错了|口误|更正一下|纠正一下)[，,]/u;
/** A clause that is itself only a correction's opening ("哎不对"). */
const ONLY_A_MARKER = /^(?:哎|哎呀|啊|哦|噢|呃|嗯)?(?:不对|不是|错了)+$/u;
/** A clause that only apologises ("抱歉，说错了，是省级"): nothing said to take back — the correction is of an earlier message. */
const ONLY_AN_APOLOGY = /^(?:哎呀|哎|唉|啊|哦)?(?:实在|非常|十分|真)?(?:抱歉|不好意思|对不起|sorry|sry)(?:啊|哈|呀)?$/iu;

export function withSelfCorrections(text: string): string {
  if (!MARKER_BETWEEN_COMMAS.test(text)) return text;
  return text.replace(SELF_CORRECTION, (whole: string, before: string, _marker: string, after: string) => {
    // (Nothing taken back before the correction — "哎不对，说错了，是2025年评的省级" corrects an earlier message.)
    if (!before.trim() || !after.trim() || ONLY_A_MARKER.test(before.trim()) || ONLY_AN_APOLOGY.test(before.trim())) return whole;
    const said = after.replace(CORRECTED_OPENING, '');
    const level = LEVEL_WORD.exec(said)?.[0];
    const replaced = LEVEL_WORD.exec(before)?.[0];
    // ("2026年评上市级专精特新，啊不，是国家级小巨人": the level again, the year and the rest kept.)
    if (level && replaced && replaced !== level && [...said].length <= 12) return before.replace(replaced, level);
    return said;
  });
}
