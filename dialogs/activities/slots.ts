import type { Entities } from '../../src/nlu/types';
import type { Tier } from '../../src/activities/types';
import { validateCreditCode } from '../../src/activities/validation/creditCode';
import { validateMobile } from '../../src/activities/validation/mobile';
import { parseCount, validateContactName, validateEnterpriseName } from '../../src/activities/validation/text';
import { toHalfWidth } from '../../src/text/normalize';
import { coerceTier } from '../../src/activities/validation/tier';
import type { SignUpForm } from './cards';

/**
 * Sign-up details already present in the user's first message ("我要报名下周的沙龙，我们是苏州某某
 * 科技有限公司，2人参加，电话13812345678"), so they are not asked again. Only values that pass the
 * same validation as the prompts are taken.
 */
export function extractSignUpSlots(text: string): SignUpForm {
  const form: SignUpForm = {};
  const plain = toHalfWidth(text).slice(0, 500);

  for (const m of plain.matchAll(/(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])/g)) {
    const code = validateCreditCode(m[0]);
    if (code.ok) {
      form.creditCode = code.code;
      break;
    }
  }

  const mobile = /(?<![0-9])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?![0-9])/.exec(plain);
  if (mobile) {
    const checked = validateMobile(mobile[0]);
    if (checked.ok) form.mobile = checked.mobile;
  }

  // "2人参加", or the count after who goes: "去2个人", "派两位".
  const attendees =
    /(\d{1,2}|[一两二三四五六七八九十])\s*(?:个人|人|位)\s*(?:参加|参会|出席|到场)/.exec(plain) ??
    /(?<!(?:员工|职工|人员|规模|团队|公司)\S{0,2})(?:去|派|来|共|一共|参加|参会)\s*(\d{1,2}|[一两二三四五六七八九十])\s*(?:个人|位|人|名)(?![\p{Script=Han}]{0,1}(?:员工|左右|规模))/u.exec(plain);
  if (attendees) form.attendees = parseCount(attendees[1]);

  // "联系人王磊", "联系人：王磊 手机…": a name of two to four characters right after the label.
  const contact = /(?:联系人|对接人)(?:姓名|名字)?(?:是|为|叫)?[:：\s]*([\p{Script=Han}]{2,4}?)(?=[\s,，;；。、]|手机|电话|联系|\d|$)/u.exec(plain);
  if (contact && !/^(姓名|名字|电话|手机|方式)/u.test(contact[1])) {
    const checked = validateContactName(contact[1]);
    if (checked.ok) form.contactName = checked.value;
  }

  const name = /([\p{Script=Han}A-Za-z0-9()（）·&]{2,60}?(?:股份有限公司|有限责任公司|有限公司|集团|研究院|研究所|事务所))/u.exec(plain);
  // ("我是某某科技有限公司总经理…我想帮子公司报名": the company introduced is the writer's, not the one signed up.)
  const forAnother = FOR_ANOTHER.exec(plain);
  if (name && !(forAnother && name.index < forAnother.index)) {
    // The match may start earlier in the sentence: keep what follows the last "是/叫/名称为".
    const cleaned = name[1].replace(/^.*(?:是|叫|名称为|名为)/u, '').replace(/^(?:我们|我司|本公司|来自|代表)/, '').replace(/^(?:帮|替|代|给|为)(?:我们|我司|集团)?的?(?:子公司|分公司|客户|供应商|兄弟公司|关联公司)/u, '').replace(/^(?:单位|企业|公司)(?:名称|全称|名)?[:：]?/u, '');
    const checked = validateEnterpriseName(cleaned);
    if (checked.ok) form.enterpriseName = checked.value;
  }
  return form;
}

/** A sign-up made for another enterprise ("帮子公司报名", "替我们孵化的一家公司报", "给客户报个名"). */
const FOR_ANOTHER = /(?:帮|替|代|给|为)(?:我们|我司|集团)?(?:的)?(?:下属|下面|旗下|孵化)?(?:的)?(?:一家|一个|这家|那家)?[^，,。；;]{0,8}?(?:子公司|分公司|客户|供应商|孵化(?:的)?(?:企业|公司)|兄弟公司|关联公司|合作伙伴)[^，,。；;]{0,6}?报/u;

/** The tier the recognizer saw in the text: honours → 一类/二类, the cultivation pool → 三类. */
export function tierFromEntities(entities: Entities | undefined): Tier | undefined {
  const levels = entities?.honourLevels ?? [];
  if (levels.includes('national') || levels.includes('provincial')) return 1;
  if (levels.includes('city') || levels.includes('district')) return 2;
  if (entities?.inPool) return 3;
  return undefined;
}

/** The part of the advisor's enterprise profile (UserState 'enterpriseProfile') sign-up can use. */
export interface ProfileHints {
  enterpriseName?: string;
  creditCode?: string;
  tier?: Tier;
}

/** Reads whatever the profile holds without trusting its shape. */
export function profileHints(profile: unknown): ProfileHints {
  if (!profile || typeof profile !== 'object') return {};
  const p = profile as Record<string, unknown>;
  const hints: ProfileHints = {};
  if (typeof p.name === 'string') {
    const name = validateEnterpriseName(p.name);
    if (name.ok) hints.enterpriseName = name.value;
  }
  if (typeof p.creditCode === 'string') {
    const code = validateCreditCode(p.creditCode);
    if (code.ok) hints.creditCode = code.code;
  }
  hints.tier =
    coerceTier(p.tier) ??
    tierFromEntities({
      honourLevels: Array.isArray(p.honourLevels) ? (p.honourLevels as Entities['honourLevels']) : typeof p.honourLevel === 'string' ? ([p.honourLevel] as Entities['honourLevels']) : undefined,
      inPool: p.inPool === true,
    });
  return hints;
}
