/**
 * The Q&A answers' own glue: the answers themselves and their templates are data
 * (knowledge/qa/messages.yaml and the knowledge items); this file holds only what the code adds
 * when it fills them.
 */

import type { HonourLevel } from '../domain/vocabulary';

/** The honour levels' names (the advisor's copy uses them too). */
export const LEVEL_LABELS: Record<HonourLevel, string> = { national: '国家级', provincial: '省级', city: '市级', district: '区级' };

export const ANSWER_TEXT = {
  /** names listed in an answer: "工信局、科技局" */
  list: (items: readonly string[]) => items.join('、'),
  /** a detail the policy does not give, of the thing the question named: “金鸡湖人才计划”的具体申报时间… */
  /** before whom a measure is for, asked whether it includes them and it does */
  included: '包括。',
  /** points a question claimed that the policy does not give ("不是加3分。") */
  claimedPointsWrong: (points: string) => `不是加${points}分。`,
  /** the last answer asked once more ("再说一遍", "没看明白") */
  saidAgain: '好的，再说一遍：',
  /** the last answer doubted ("你确定吗"): it stands, with the policy text it rests on */
  doubtAnswered: '已对照《方案》原文核对，答复不变：',
  /** the policy text asked for when the answer already is it */
  wordsAnswered: '答复即《方案》原文：',
  /** the policy text asked for when it is too long to quote: the answer and where it stands */
  wordsTooLong: '原文较长，以下是答复及其在《方案》中的出处：',
  /** the policy text of the item the doubted answer came from */
  policyWords: (text: string) => `原文：“${text}”`,
  /** a statement asked to be judged, right or wrong by the policy ("专场招聘每年举办1~2场，对不对") */
  claimRight: '对。',
  claimWrong: '不对。',
  /** another tier, as the policy defines it: 二类为获得市级、区级“专精特新”荣誉的企业。 */
  tierDefined: (name: string, definition: string) => `${name}为${definition}。`,
  /** the tier a question guessed, not ours */
  tierGuessMissed: (name: string, definition: string) => `不是${name}（${name}为${definition}）。`,
  /** "A和B是一回事吗" of two different items: no, then each */
  notTheSame: '不是一回事，方案中分属两项：',
  /** "A和B的责任单位一样吗": what two items say of the aspect asked, the same or not */
  aspectSame: '一样，两项在这一点上相同：',
  aspectDiffers: '不完全一样，两项分别为：',
  /** why a rule is so, asked of a text that does not say it */
  reasonNotGiven: '方案未说明这样规定的原因。',
  /** "市场汇是干嘛的": a 汇 the programme does not have */
  noSuchHui: (name: string) => `汇计划中没有“${name}”。`,
  /** the programme's 汇 counted, after a 汇 it does not have ("共五个汇：产业汇、…") */
  huiCount: (listed: string) => `汇计划${listed}`,
  /** "汇计划是不是就是高新技术企业认定": something the programme does not name */
  notTheSameAs: (other: string) => `不是一回事，汇计划中没有“${other}”的内容。`,
  /** …of two parts of one item */
  partsDiffer: '不一样：',
  /** "苏相合作区也在里面吗": the list just answered names it, or does not */
  listHolds: (named: string) => `是的，${named}在其中。`,
  listLacks: (named: string) => `方案此处所列不包括${named}：`,
  /** after a detail the policy does not give, claimed in the question ("每年都给50万"): what it does say */
  policySays: (answer: string) => `方案的表述是：${answer}`,
  detailOf: (subject: string, detail: string) => `“${subject}”的${detail.replace(/^具体的/u, '具体')}`,
  /** "到现在执行多长时间了": the time since the document was issued, counted to today */
  sinceIssued: (dateText: string, today: { year: number; month: number; day: number }, months: number) =>
    `汇计划于${dateText}印发，截至${today.year}年${today.month}月${today.day}日已${Math.floor(months / 12) ? `${Math.floor(months / 12)}年` : ''}${months % 12 ? `${months % 12}个月` : ''}${months === 0 ? '不足1个月' : ''}；方案未列明实施期限或有效期。`,
  /** one enterprise's answer, when the message describes several: "甲公司：属于一类。…" */
  forEnterprise: (name: string, answer: string) => `${name}：${answer}`,
  /**
   * the thing the question named, before an aspect of the measure that names it, with what the measure says of it:
   * 汇计划中，金鸡湖人才计划见于“人才申报”一项：鼓励……申报“金鸡湖人才计划”，对……给予重点辅导。
   */
  partOf: (subject: string, title: string, said?: string) => `汇计划中，${subject}见于“${title}”一项${said ? `：${said}` : ''}。`,
  /** "如获评省级，类别将如何变化": the tier held now, then the honour supposed (its verdict follows) */
  tierNowThen: (tierNow: string, supposed: readonly HonourLevel[]) => `目前属于${tierNow}；如获评${supposed.map((l) => LEVEL_LABELS[l]).join('、')}“专精特新”，`,
  /** "哪个汇措施最多": the 汇 with most and fewest measures, then every 汇's count */
  huiMeasureCounts: (most: string, fewest: string, counts: ReadonlyArray<{ hui: string; measures: readonly string[] }>) =>
    `措施最多的是${most}，最少的是${fewest}。各汇的措施：${counts.map((c) => `${c.hui}${c.measures.length}项（${c.measures.join('、')}）`).join('；')}。`,
  /** "市级和区级加分一样吗": the levels asked about share one rule */
  sameForLevels: (levels: readonly HonourLevel[]) => `${levels.map((l) => LEVEL_LABELS[l]).join('和')}一样：`,
};
