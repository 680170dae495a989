/**
 * What the advisor dialogs ask and say around their answers. Policy facts are not here: they come
 * from knowledge/ (policy items, eligibility, knowledge/advisor/advisor.yaml).
 */
import type { FactKey } from '../../src/advisor/facts';
import { yearFactLevel } from '../../src/advisor/facts';
import { LEVEL_LABELS } from '../../src/advisor/explain';
import { yearIn } from '../../src/knowledge/years';

export const ADVISOR_TEXT = {
  askHonours: '请问贵企业获得过哪一级“专精特新”荣誉？获得多个级别的可一并告诉我（例如“省级和市级”）。',
  askPool: '请问贵企业是否已入库培育（纳入园区“专精特新”培育库）？',
  askManufacturing: '请问贵企业是否属于工业（制造业）企业？',
  askPlanningIpo: '请问贵企业是否有上市计划（拟上市）？',
  askHiring: '请问贵企业近期是否有招聘需求？',
  askFirstRecognition: '请问贵企业的“专精特新”荣誉是否为首次认定？',
  supportIntro: '为判断贵企业可享受哪些支持，我先了解几项情况（只问判断所需的），随时可输入“取消”结束。',
  notUnderstood: '抱歉，我没有理解您的回答。',
  vagueHonour: '请告诉我具体是哪一级荣誉。',
  futureYear: '认定年份不能晚于今年。',
  oldYear: '请输入四位数的认定年份，例如“2023”。',
  empty: '请输入您的回答，或点选下方按钮。',
  gaveUp: '抱歉，我暂时没能确认这项信息，当前事项已结束。您可以稍后再问我，或输入“转人工”由“专精特新”服务专员为您解答。',
  updated: (facts: string) => `好的，已更新：${facts}。`,
  adopted: '已按统一社会信用代码找到贵企业此前保存的信息，一并用于本次判断。',
  // profile
  noProfile: '目前还没有保存贵企业的信息。问我“我们属于哪一类”或“我们能享受哪些支持”时，我会记下您提供的情况，下次直接使用。',
  profileTitle: '贵企业的信息',
  askEditField: '请问要修改哪一项？',
  editDone: '完成修改',
  editFinished: '好的，修改已保存。',
  askName: '请输入企业名称（营业执照上的全称）：',
  askCreditCode: '请输入 18 位统一社会信用代码：',
  // delete
  nothingToDelete: '目前没有保存贵企业的信息，无需删除。',
  confirmDelete: (what: string) => `确认删除以下信息吗？删除后无法恢复。\n${what}`,
  deleted: (enterpriseRow: boolean) =>
    `已删除您保存的企业信息${enterpriseRow ? '，以及按统一社会信用代码保存的企业记录' : ''}。之后问我时，我会重新询问所需情况。`,
  kept: '好的，您的信息已保留。',
  confirmRetry: '请回复“确认删除”或“暂不删除”。',
  // after two failed attempts at one question: what is expected, with an example
  expectHonours: '请说出荣誉的级别，例如：“省级”；获得多个级别可说“省级和市级”；没有荣誉请选“暂无荣誉”，不确定请选“不清楚”。',
  expectPool: '请回答是否已纳入园区培育库，例如：“已入库培育”或“未入库”；不确定请选“不清楚”。',
  expectYesNo: '请回答“是”或“否”，例如：是；不确定请选“不清楚”。',
  expectYear: '请回复四位数的认定年份，例如：2023；记不清可选“不记得”。',
  expectEditField: '例如：回复“企业名称”修改名称；也可以直接说新的情况，例如“我们其实是市级专精特新”。',
  expectName: '企业名称请与营业执照一致，例如：苏州某某科技有限公司。',
  expectCreditCode: '统一社会信用代码共 18 位，由数字和大写字母组成，印在营业执照上，例如：91320594MA1XXXXXXX 这样的格式。',
  expectDelete: '例如：回复“确认删除”删除以上信息，回复“暂不删除”保留。',
  editRetry: `请点选要修改的项目，或点“完成修改”。`,
} as const;

export const HONOUR_CHOICES = ['国家级“小巨人”', '省级', '市级', '区级（园区级）', '暂无荣誉', '不清楚'];
export const POOL_CHOICES = ['已入库培育', '未入库', '不清楚'];
export const YES_NO_CHOICES = ['是', '否', '不清楚'];
export const DELETE_CHOICES = ['确认删除', '暂不删除'];

/** What a fact's question expects, with an example (said after two failed attempts). */
export function expectation(fact: FactKey): string {
  if (yearFactLevel(fact)) return ADVISOR_TEXT.expectYear;
  switch (fact) {
    case 'honours':
      return ADVISOR_TEXT.expectHonours;
    case 'inPool':
      return ADVISOR_TEXT.expectPool;
    default:
      return ADVISOR_TEXT.expectYesNo;
  }
}

export const EDIT_FIELDS = {
  honours: '荣誉及认定年份',
  name: '企业名称',
  creditCode: '统一社会信用代码',
  manufacturing: '是否工业（制造业）企业',
  planningIpo: '上市计划',
  hiring: '招聘需求',
  firstRecognition: '是否首次认定',
} as const;
export type EditField = keyof typeof EDIT_FIELDS;

/** The question for a fact, with its buttons. */
export function question(fact: FactKey, now: Date): { text: string; choices: string[] } {
  const level = yearFactLevel(fact);
  if (level) {
    const year = yearIn(now);
    return {
      text: `请问贵企业的${LEVEL_LABELS[level]}“专精特新”荣誉是哪一年认定的？`,
      choices: [year, year - 1, year - 2, year - 3].map((y) => `${y}年`).concat('不记得'),
    };
  }
  switch (fact) {
    case 'honours':
      return { text: ADVISOR_TEXT.askHonours, choices: HONOUR_CHOICES };
    case 'inPool':
      return { text: ADVISOR_TEXT.askPool, choices: POOL_CHOICES };
    case 'manufacturing':
      return { text: ADVISOR_TEXT.askManufacturing, choices: YES_NO_CHOICES };
    case 'planningIpo':
      return { text: ADVISOR_TEXT.askPlanningIpo, choices: YES_NO_CHOICES };
    case 'hiring':
      return { text: ADVISOR_TEXT.askHiring, choices: YES_NO_CHOICES };
    case 'firstRecognition':
      return { text: ADVISOR_TEXT.askFirstRecognition, choices: YES_NO_CHOICES };
    default:
      return { text: ADVISOR_TEXT.notUnderstood, choices: [] };
  }
}
