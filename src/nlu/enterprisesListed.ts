/**
 * Several enterprises described in one message, each with its own facts ("甲公司是国家级…，乙公司是
 * 省级…", "① A公司：国家级，2025年认定 ② B公司：市级…"): a group company or a consultant asking for
 * each. Each part runs from its name to the next name or the end of its sentence; the Q&A answers a
 * question whose answer depends on the facts once per enterprise.
 */
import type { Entities } from './types';

/**
 * An enterprise called by its own name ("晟泰精密是2025年认定的…，宏博电子是…", "澜拓科技2021年…"): a
 * short brand and a trade word at the start of a clause (or after its number: ① is 1 once cleaned), its facts
 * right after (or after a space: "①星澜生物 省级专精特新").
 */
const TRADE = '(?:科技|精密|电子|光电|环保|智能|软件|新能源|新材料|材料|生物|医药|制药|机械|装备|微电子|半导体|信息|网络|通信|汽车|能源|化工|自动化|仪器|电气|电器|精工|传感|智造|制造|机电|实业|股份|集团|技术|食品|纺织|包装|模具|物流|设备|光学|光伏|数据|数控|动力|芯片|微纳|医疗|工业|精机)';
const OWN_NAME = String.raw`(?<=^|[：:，,；;。\n、]|(?:^|[：:，,；;。\n])[1-9]|[两几三四这][家个](?:公司|企业)?|其中|一家是|另一家是?)(?![我你他她它这那本该其另一有是在和及与或的了])[\u4e00-\u9fa5]{2,4}?${TRADE}(?:股份有限公司|有限公司|公司|厂)?(?=\d{4}|是|为|在|已|刚|去年|今年|前年|还|于|属于|被|评|入|拿|获|[：:（(]|\s+(?:国家级|省级|市级|区级|园区级|入库|培育|小巨人|专精特新|\d{4}))`;
/** A name that starts an enterprise's part: A公司, 甲企业, 客户A, 甲 (listed: "三家子公司：甲做芯片…"), 子公司1, 第二家, 一厂, ①. */
const NAME = new RegExp(String.raw`(?<![A-Za-z])[A-Za-z](?:公司|企业|厂)|(?:客户|会员|会员企业|企业|公司)\s*(?:[A-Za-z](?![A-Za-z])|[甲乙丙丁戊己](?![级类])|[1-9](?![\d年级类]))|[甲乙丙丁戊己](?:公司|企业|厂)|(?<=^|[：:，,；;。\n])[甲乙丙丁戊己](?=做|是|为|从事|主营|主要做|[，,：:])|(?:子公司|分公司)\s*(?:[A-Za-z1-9]|[一二三四五六甲乙丙丁])|第[一二三四五六1-6]家(?:子公司|公司|企业)?|(?<=^|[：:，,；;。\n、\s]|我们|集团|其中)[一二三四五六七八九](?:号)?厂(?![房区商家长])|(?<=[，,；;、：:\s])[a-z](?=\s*(?:国家级|省级|市级|区级|园区级|\d{4})|是|为|[：:])|[①②③④⑤⑥⑦⑧⑨]|${OWN_NAME}`, 'gu');
/** Where a part ends at the latest: the end of its sentence or line. */
const PART_END = /[。？！?!；;\n]/u;
const CIRCLED = /^[①②③④⑤⑥⑦⑧⑨]$/u;
/** What describing an enterprise takes: a year, a level, the pool. */
const TOLD = /\d{4}|级|小巨人|培育库|入库/u;

export interface ListedPart {
  /** how the message names the enterprise */
  name: string;
  /** what it says of that enterprise */
  text: string;
}

/** The enterprises the text describes one after another, or undefined when it describes fewer than two. */
export function listedParts(text: string): ListedPart[] | undefined {
  const found = [...text.matchAll(NAME)].map((m) => ({ at: m.index ?? 0, name: m[0].replace(/\s+/gu, '') }));
  const starts = found.filter((s, i) => {
    const next = found[i + 1];
    // "① A公司：…": the number and the name start one part, named by the name.
    const numberBeforeName = CIRCLED.test(s.name) && next !== undefined && text.slice(s.at + 1, next.at).trim() === '';
    // ("有一厂、二厂、三厂三个法人。一厂：…；二厂：…": a name said again later, told nothing of here, starts no part.)
    const onlyListed = found.slice(i + 1).some((later) => later.name === s.name) && !TOLD.test(text.slice(s.at + s.name.length, next?.at ?? text.length));
    return !numberBeforeName && !onlyListed;
  });
  if (starts.length < 2) return undefined;
  const parts = starts.map((s, i) => {
    const next = starts[i + 1]?.at ?? text.length;
    const rest = text.slice(s.at, next);
    const end = rest.slice(s.name.length).search(PART_END);
    // (The cleaned text is in lower case: "a公司", "客户b" are named as typed, A公司, 客户B.)
    return { name: CIRCLED.test(s.name) ? `第${i + 1}家` : s.name.replace(/[a-z]/gu, (c) => c.toUpperCase()), text: end < 0 ? rest : rest.slice(0, s.name.length + end) };
  });
  return new Set(parts.map((p) => p.name)).size >= 2 ? parts : undefined;
}

/** The part states facts that decide what the enterprise may get (an honour, none, the pool). */
export function statesFacts(entities: Entities): boolean {
  return (entities.honourLevels?.length ?? 0) > 0 || entities.noHonour === true || entities.inPool === true;
}
