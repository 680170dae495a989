import { CardFactory, MessageFactory, type Activity as BotActivity, type Attachment } from 'botbuilder';
import type { Activity, Availability, JobPosition, RegistrationView } from '../../src/activities/types';
import type { DateRange } from '../../src/nlu/types';
import {
  ACTIVITY_TYPE_LABELS,
  REGISTRATION_STATUS_LABELS,
  formatDateTime,
  formatMonthDay,
  formatPlace,
  formatTiers,
  formatTimeRange,
} from '../../src/activities/format';
import { maskMobile } from '../../src/activities/validation/mobile';
import { formatPositions } from '../../src/activities/validation/positions';
import { cancelButton, detailsButton, signUpButton } from './buttons';
import { cardAction, withButtons } from '../buttons';

/** Chinese copy and cards of the activity dialogs. */
export const ACT_TEXT = {
  noneAtAll:
    '近期暂无已发布的活动。新活动会通过企服中心官网、“经济大脑”企业服务一张网发布，届时也可以在这里报名。',
  listIntro: (label: string, total: number, from: number, to: number) =>
    total <= to && from === 1
      ? `${label}共 ${total} 项，点击“报名：活动名称”即可报名：`
      : `${label}共 ${total} 项，以下是第 ${from === to ? from : `${from}–${to}`} 项，点击“报名：活动名称”即可报名：`,
  more: '更多活动',
  moreHint: (rest: number) => `还有 ${rest} 项活动，点击“更多活动”查看；也可以说“下个月的沙龙”“最近的培训”等筛选。`,
  listEnd: (label: string, total: number) => `${label}共 ${total} 项，已经全部列出。输入“最近有什么活动”可从头查看。`,
  noneOpen: '目前没有可报名的活动。您可以输入“最近有什么活动”看看近期安排。',
  chooseActivity: '请选择要报名的活动（点击按钮或回复序号）：',
  chooseActivityRetry: '没有识别出您选的活动，请点击下方按钮或回复序号：',
  notFoundTitle: (title: string) => `没有找到名为“${title}”的可报名活动，它可能已结束或已取消。`,
  askTier: (tiers: string) => `该活动面向${tiers}。请问贵企业属于哪一类培育对象？`,
  tierRetry: '请选择贵企业的培育类别（一类、二类、三类），或选择“不清楚”。',
  tierUnknown: '没关系。您可以先输入“我们属于哪一类”确认培育类别，再来报名；也可以看看其他不限类别的活动（输入“最近有什么活动”）。',
  tierNotEligible: (title: string, tiers: string) =>
    `抱歉，「${title}」面向${tiers}，贵企业暂不在范围内。您可以输入“最近有什么活动”查看其他活动，或输入“能享受哪些支持”了解适合的服务。`,
  fullTitle: '名额已满，是否登记候补？',
  full: (title: string, waitlisted: number) =>
    `「${title}」名额已满${waitlisted ? `，目前已有 ${waitlisted} 家企业在候补` : ''}。您可以登记候补：有名额释放时按顺序递补，并第一时间通知您。`,
  joinWaitlist: '登记候补',
  seeOthers: '看看其他活动',
  seeOthersReply: '好的。输入“最近有什么活动”可查看近期全部活动。',
  consentRetry: '请点击“同意”继续报名，或点击“不同意”结束报名。',
  consentStuck: '您也可以随时提问政策问题，或输入“转人工”“我的报名”，我会先为您办理。',
  consentResume: '是否同意上面的《个人信息告知》？同意后开始填写报名信息。',
  consentRefused: '好的，已结束报名，您的任何信息都没有保存。如改变主意，随时可以再次输入“我要报名”。',
  reuseOffer: '您之前填写过以下信息，本次是否直接使用？',
  reuseYes: '使用这些信息',
  reuseNo: '重新填写',
  reuseRetry: '请选择“使用这些信息”或“重新填写”。',
  askEnterpriseName: '请输入企业全称（与营业执照一致）：',
  askCreditCode: '请输入 18 位统一社会信用代码：',
  askContactName: '请输入联系人姓名：',
  askMobile: '请输入手机号：',
  askAttendees: (max: number) => `请问有几人参加？（每家企业最多 ${max} 人）`,
  askPositions: '请填写本次招聘的岗位和人数，多个岗位用分号隔开，例如：软件工程师 3；测试工程师 2',
  reask: {
    enterpriseName: '请重新输入企业全称：',
    creditCode: '请重新输入统一社会信用代码：',
    contactName: '请重新输入联系人姓名：',
    mobile: '请重新输入手机号：',
    attendees: '请重新输入参会人数：',
    positions: '请重新填写招聘岗位和人数：',
  },
  /** Asking a field again after a question or command was served in between. */
  resumeField: {
    enterpriseName: '请接着填写企业全称（与营业执照一致）：',
    creditCode: '请接着填写 18 位统一社会信用代码：',
    contactName: '请接着填写联系人姓名：',
    mobile: '请接着填写手机号：',
    attendees: '请接着填写参会人数（数字）：',
    positions: '请接着填写招聘岗位和人数（例如：软件工程师 3；测试工程师 2）：',
  },
  shortEnterpriseName: '这看起来不像企业名称。请输入营业执照上的企业全称，例如：苏州某某科技有限公司。',
  /** What a field expects, shown after two failed attempts. */
  example: {
    enterpriseName: '企业全称请与营业执照一致，例如：苏州某某科技有限公司。',
    creditCode: '统一社会信用代码共 18 位，由数字和大写字母组成，印在营业执照上，例如：91320594MA1XXXXXXX 这样的格式。',
    contactName: '联系人姓名请填写真实姓名，例如：王明。',
    mobile: '手机号为 11 位数字，例如：13912345678。',
    attendees: '参会人数请只填数字，例如：2。',
    positions: '岗位和人数例如：软件工程师 3；测试工程师 2。',
  },
  offerLeave: '如暂时不便填写，可点击“结束报名”（已填写的信息不会保存），或输入“转人工”。',
  offerLeaveChoice: '也可以输入“取消”结束当前事项，或输入“转人工”。',
  choiceExample: (choices: string[]) => `请点击下方按钮，或回复按钮上的文字，例如：${choices[0]}。`,
  leave: '结束报名',
  left: '好的，已取消当前事项：本次报名没有提交，填写的信息没有保存。',
  switched: '好的，改为报名您新选的活动；刚才的报名没有提交，填写的信息没有保存。',
  alreadyRegistered: (title: string, status: string) =>
    `该企业已报名「${title}」（${status}），无需重复报名。可输入“我的报名”查看；如需更改，请先输入“取消报名”再重新报名。`,
  mySignups: '我的报名',
  confirmTitle: '请核对报名信息',
  confirmSubmit: '确认提交',
  confirmRestart: '重新填写',
  confirmCancel: '取消',
  confirmRetry: '请核对上面的报名信息：无误请点击“确认提交”；需要修改可点“重新填写”，或直接说要改哪一项；也可点“取消”。',
  willWaitlist: (remaining: number) => `提示：当前剩余 ${remaining} 个名额，少于您填写的人数，提交后将进入候补。`,
  restart: '好的，我们重新填写一遍。',
  editField: '好的，请重新填写这一项，其他信息保持不变。',
  saveFailed: '抱歉，保存时出了点问题，您填写的信息都还在。请点击“确认提交”重试，或输入“转人工”联系服务专员。',
  deadlinePassed: (title: string) => `抱歉，「${title}」报名已截止。您可以输入“最近有什么活动”查看其他活动，或输入“转人工”咨询。`,
  started: (title: string) => `「${title}」已经开始，不能再报名了。您可以输入“最近有什么活动”查看其他活动。`,
  notOpen: (title: string) => `「${title}」已取消或暂未开放报名。您可以输入“最近有什么活动”查看其他活动。`,
  tooMany: (max: number) => `本活动每家企业最多 ${max} 人参加，请重新报名并调整人数。`,
  noSignups: '您目前没有进行中的报名。可输入“最近有什么活动”查看可报名的活动。',
  nothingToCancel: '您目前没有可以取消的报名。可输入“我的报名”查看报名记录。',
  chooseCancel: '请选择要取消的报名（点击按钮或回复序号）：',
  chooseCancelRetry: '没有识别出您要取消哪项报名，请点击下方按钮或回复序号：',
  confirmCancelTitle: '确定要取消这项报名吗？',
  confirmCancelYes: '确认取消报名',
  confirmCancelNo: '保留报名',
  confirmCancelRetry: '确定要取消这项报名吗？请选择“确认取消报名”或“保留报名”。',
  keepSignup: '好的，已为您保留报名。',
  keepSignupLeft: '好的，已取消当前事项，您的报名都保持不变。',
};

/** Everyday replies that mean one of the fixed choices, typed instead of clicking its button. */
export const CHOICE_SYNONYMS: Record<string, readonly string[]> = {
  [ACT_TEXT.confirmSubmit]: ['确认', '确定', '提交', '确认报名', '确认无误', '没问题', '好', '好的', '是', '是的', '对', '可以', 'ok', 'yes'],
  [ACT_TEXT.confirmRestart]: ['重填', '重新', '修改', '改一下', '有误', '不对', '填错了'],
  [ACT_TEXT.joinWaitlist]: ['候补', '登记', '要', '好', '好的', '是', '可以', '排队'],
  [ACT_TEXT.seeOthers]: ['不用', '不用了', '不要', '其他活动', '否'],
  [ACT_TEXT.confirmCancelYes]: ['确认', '确定', '是', '是的', '好', '好的', '对', '确认取消'],
  [ACT_TEXT.confirmCancelNo]: ['不', '不取消', '保留', '否', '不要', '不用了'],
};

export const TIER_CHOICES = ['一类（国家级、省级专精特新）', '二类（市级、区级专精特新）', '三类（入库培育企业）', '不清楚'];

export function availabilityText(seats: Availability): string {
  if (seats.remaining > 0 && seats.waitlisted === 0) return `剩余名额 ${seats.remaining}（共 ${seats.capacity}）`;
  return `名额已满（共 ${seats.capacity}），可登记候补${seats.waitlisted ? `，已有 ${seats.waitlisted} 家候补` : ''}`;
}

function signupLine(activity: Activity, now: Date): string {
  return activity.signupDeadline > now.toISOString() ? `报名截止：${formatDateTime(activity.signupDeadline, now)}` : '报名已截止';
}

/** A card of the activity list: when, where, seats, deadline, with 报名 / 详情 buttons (the rest in 详情). */
export function activityCard(activity: Activity, seats: Availability, now: Date): Attachment {
  const lines = [
    `地点：${formatPlace(activity)}`,
    `${availabilityText(seats)}；${signupLine(activity, now)}`,
    ...(activity.eligibleTiers ? [`面向：${formatTiers(activity.eligibleTiers)}`] : []),
  ];
  const buttons = [...(activity.signupDeadline > now.toISOString() ? [signUpButton(activity)] : []), detailsButton(activity)];
  return CardFactory.heroCard(
    activity.title,
    lines.join('\n'),
    undefined,
    // The button says which activity it is for: channels without buttons (WeChat) list them as text.
    CardFactory.actions(buttons.map(cardAction)),
    { subtitle: `${ACTIVITY_TYPE_LABELS[activity.type]} · ${formatTimeRange(activity.startsAt, activity.endsAt, now)}` },
  );
}

/** Everything about one activity, with a 报名 button while sign-up is open. */
export function activityDetails(activity: Activity, seats: Availability, now: Date): Partial<BotActivity> {
  const text = [
    `「${activity.title}」`,
    `类型：${ACTIVITY_TYPE_LABELS[activity.type]}`,
    `时间：${formatTimeRange(activity.startsAt, activity.endsAt, now)}`,
    `地点：${formatPlace(activity)}`,
    `名额：${availabilityText(seats)}；每家企业最多 ${activity.seatsPerEnterprise} 人`,
    `面向：${formatTiers(activity.eligibleTiers)}`,
    signupLine(activity, now),
    ...(activity.description ? [`介绍：${activity.description}`] : []),
  ].join('\n');
  if (activity.signupDeadline <= now.toISOString()) return MessageFactory.text(text);
  return withButtons([signUpButton(activity)], text);
}

/**
 * A lead sentence and the cards. The sentence is its own message: inside a carousel Web Chat lays
 * it out on the cards' horizontal strip, where on a phone it runs off the screen instead of wrapping.
 */
export function activityCarousel(intro: string, cards: Attachment[]): Array<Partial<BotActivity>> {
  return [MessageFactory.text(intro), MessageFactory.carousel(cards)];
}

/** "6月1日至6月30日" for a recognized date range (its end is exclusive). */
export function dateRangeLabel(range: DateRange): string {
  const from = new Date(range.from);
  const to = new Date(Date.parse(range.to) - 1);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return '';
  const a = formatMonthDay(from.toISOString());
  const b = formatMonthDay(to.toISOString());
  return a === b ? a : `${a}至${b}`;
}

export interface SignUpForm {
  enterpriseName?: string;
  creditCode?: string;
  contactName?: string;
  mobile?: string;
  attendees?: number;
  positions?: JobPosition[];
}

/** The details shown before reuse and before submitting (mobile masked). */
export function formSummary(form: SignUpForm): string {
  return [
    form.enterpriseName && `企业名称：${form.enterpriseName}`,
    form.creditCode && `信用代码：${form.creditCode}`,
    form.contactName && `联系人：${form.contactName}`,
    form.mobile && `手机号：${maskMobile(form.mobile)}`,
    form.attendees && `参会人数：${form.attendees} 人`,
    form.positions?.length && `招聘岗位：${formatPositions(form.positions)}`,
  ]
    .filter(Boolean)
    .join('\n');
}

export function confirmationText(activity: Activity, form: SignUpForm, now: Date): string {
  return [
    `活动：「${activity.title}」`,
    `时间：${formatTimeRange(activity.startsAt, activity.endsAt, now)}`,
    formSummary(form),
  ].join('\n');
}

export function confirmedText(activity: Activity, attendees: number, reminderHours: number, reactivated: boolean, now: Date): string {
  return [
    `${reactivated ? '已为您重新报名' : '报名成功'}！「${activity.title}」`,
    `时间：${formatTimeRange(activity.startsAt, activity.endsAt, now)}`,
    `地点：${formatPlace(activity)}`,
    `参会人数：${attendees} 人`,
    `活动开始前 ${reminderHours} 小时我会在这里提醒您。如需取消，请输入“取消报名”。`,
  ].join('\n');
}

export function waitlistedText(activity: Activity, position: number): string {
  return [
    `「${activity.title}」名额已满，已为您登记候补，目前排在第 ${position} 位。`,
    '有名额释放时将按顺序递补，并在这里通知您。可随时输入“我的报名”查看进度，或输入“取消报名”撤销候补。',
  ].join('\n');
}

export function statusText(view: RegistrationView): string {
  const { registration, activity, waitlistPosition } = view;
  if (activity.status === 'cancelled') return '活动已取消';
  if (registration.status === 'cancelled') return '已取消';
  if (registration.status === 'waitlisted') return `候补第 ${waitlistPosition ?? '?'} 位`;
  return `${REGISTRATION_STATUS_LABELS[registration.status]}（${registration.attendees} 人）`;
}

/** A card of "我的报名" with the status and, while possible, a 取消报名 button. */
export function registrationCard(view: RegistrationView, now: Date): Attachment {
  const { registration, activity } = view;
  const cancellable = isCancellable(view, now);
  return CardFactory.heroCard(
    activity.title,
    [`状态：${statusText(view)}`, `企业：${registration.enterpriseName}`, `地点：${formatPlace(activity)}`].join('\n'),
    undefined,
    cancellable ? CardFactory.actions([cardAction(cancelButton(activity))]) : [],
    { subtitle: formatTimeRange(activity.startsAt, activity.endsAt, now) },
  );
}

export function isCancellable(view: RegistrationView, now: Date): boolean {
  return (view.registration.status === 'confirmed' || view.registration.status === 'waitlisted') && view.activity.startsAt > now.toISOString();
}
