/**
 * The activities feature's response catalogue: every Chinese text an enterprise or an official sees
 * about salons, trainings and job fairs, in one place — the dialogs, the services, the proactive
 * messages and the console API all read it. Templates take values already formatted (times, places),
 * so this file depends on nothing but types. Grouped by situation, labels first.
 *
 * Not here, on purpose: vocabularies used only to *match* what users type — CHOICE_SYNONYMS
 * (dialogs/activities/vocabulary.ts), the regular expressions of parseTier, parseButton, parseConsent,
 * fieldToEdit and the slot extraction — and the demo activities of seed.ts (data, not responses).
 * test/activities/catalogue.test.ts keeps every other Chinese literal of the feature in this file.
 */
import type { DeliveryKind } from '../delivery/types';
import type { ActivityStatus, ActivityType, RegistrationStatus, Tier } from './types';

// ── Labels (the chat, the console page via /admin/api/labels, exports) ──────────────────────────

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = {
  salon: '企业沙龙',
  training: '培训辅导',
  jobfair: '专场招聘',
  other: '其他活动',
};

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
};

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
  checked_in: '已签到',
};

/** Who cancelled a registration (`registrations.cancelled_by`). */
export const CANCEL_REASON_LABELS: Record<string, string> = {
  user: '企业自行取消',
  admin: '工作人员取消',
  activity_cancelled: '活动取消',
};

/** 培育对象 (苏园经〔2022〕11号) in short; the sign-up's tier buttons say more (SIGNUP_TEXT.tierChoices). */
export const TIER_SHORT: Record<Tier, string> = { 1: '一类', 2: '二类', 3: '三类' };

/** The messages this feature queues for registrants (`deliveries.kind`), as the console names them. */
export type RegistrantDeliveryKind = Extract<DeliveryKind, 'reminder' | 'promotion' | 'activity_changed' | 'activity_cancelled' | 'registration_cancelled'>;
export const REGISTRANT_DELIVERY_LABELS: Record<RegistrantDeliveryKind, string> = {
  reminder: '活动提醒',
  promotion: '候补递补',
  activity_changed: '活动变更',
  activity_cancelled: '活动取消',
  registration_cancelled: '报名取消',
};

// ── Times, places, tiers (format.ts fills in the values) ─────────────────────────────────────────

const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'];

export const TIME_TEXT = {
  /** "2026年6月18日（周三）", the year only when given; weekday 0 = Sunday. */
  date: (p: { year?: number; month: number; day: number; weekday: number }) =>
    `${p.year !== undefined ? `${p.year}年` : ''}${p.month}月${p.day}日（周${WEEKDAY_NAMES[p.weekday]}）`,
  /** A time range over several days: "6月18日（周三）14:00 至 6月19日（周四）12:00". */
  acrossDays: (start: string, end: string) => `${start} 至 ${end}`,
  /** "2026年12月3日 09:30": WeChat template messages' time fields. */
  full: (year: number, month: number, day: number, time: string) => `${year}年${month}月${day}日 ${time}`,
  monthDay: (month: number, day: number) => `${month}月${day}日`,
  /** A recognized date range: "6月1日至6月30日". */
  dateSpan: (from: string, to: string) => `${from}至${to}`,
};

export const PLACE_TEXT = {
  both: (place: string, url: string) => `${place}（线下）；线上参与：${url}`,
  online: (url: string) => `线上：${url}`,
};

/** "一类、二类培育对象", or 不限 when every tier may sign up. */
export function eligibleTiersText(tiers: Tier[] | undefined): string {
  return tiers?.length ? `${tiers.map((t) => TIER_SHORT[t]).join('、')}培育对象` : '不限';
}

// ── Buttons that name an activity (typed, they are routed by the prefix) ────────────────────────

export const BUTTON_PREFIX = {
  signUp: '报名：',
  details: '详情：',
  cancel: '取消报名：',
};

// ── Cards, details and summaries ──────────────────────────────────────────────────────────────────

export const CARD_TEXT = {
  seatsLeft: (remaining: number, capacity: number) => `剩余名额 ${remaining}（共 ${capacity}）`,
  seatsFull: (capacity: number, waitlisted: number) =>
    `名额已满（共 ${capacity}），可登记候补${waitlisted ? `，已有 ${waitlisted} 家候补` : ''}`,
  signupDeadline: (time: string) => `报名截止：${time}`,
  signupClosed: '报名已截止',
  /** two facts on one card line */
  pair: (a: string, b: string) => `${a}；${b}`,
  subtitle: (type: string, time: string) => `${type} · ${time}`,
  title: (title: string) => `「${title}」`,
  activity: (title: string) => `活动：「${title}」`,
  type: (type: string) => `类型：${type}`,
  time: (time: string) => `时间：${time}`,
  place: (place: string) => `地点：${place}`,
  eligible: (tiers: string) => `面向：${tiers}`,
  seats: (seats: string, perEnterprise: number) => `名额：${seats}；每家企业最多 ${perEnterprise} 人`,
  description: (text: string) => `介绍：${text}`,
  status: (status: string) => `状态：${status}`,
  enterprise: (name: string) => `企业：${name}`,
};

/** The lines of a sign-up form's summary (the mobile already masked). */
export const FORM_TEXT = {
  enterpriseName: (v: string) => `企业名称：${v}`,
  creditCode: (v: string) => `信用代码：${v}`,
  contactName: (v: string) => `联系人：${v}`,
  mobile: (v: string) => `手机号：${v}`,
  attendees: (n: number) => `参会人数：${n} 人`,
  positions: (v: string) => `招聘岗位：${v}`,
  /** one job-fair position: "软件工程师 3 人" */
  position: (title: string, headcount: number) => `${title} ${headcount} 人`,
  positionSeparator: '；',
  /** a headcount given without a position ("2", "3人"): kept, the position to be told later */
  positionUnspecified: '岗位待定',
};

/** A registration's state as «我的报名» and the cancel dialog show it. */
export const STATUS_TEXT = {
  activityCancelled: '活动已取消',
  waitlisted: (position: number | string) => `候补第 ${position} 位`,
  withAttendees: (status: string, attendees: number) => `${status}（${attendees} 人）`,
};

// ── Listing and details (list_activities) ────────────────────────────────────────────────────────

export const LIST_TEXT = {
  /** before a listing asked for dates or places: the policy gives none, the published activities do */
  datesNotInPolicy: '汇计划未列明各场活动的具体日期和地点；以下按目前已发布的活动安排答复。',
  noneAtAll: '近期暂无已发布的活动。新活动会通过企服中心官网、“经济大脑”企业服务一张网发布，届时也可以在这里报名。',
  intro: (label: string, total: number, from: number, to: number) =>
    total <= to && from === 1
      ? `${label}共 ${total} 项，点击“报名：活动名称”即可报名：`
      : `${label}共 ${total} 项，以下是第 ${from === to ? from : `${from}–${to}`} 项，点击“报名：活动名称”即可报名：`,
  more: '更多活动',
  moreHint: (rest: number) => `还有 ${rest} 项活动，点击“更多活动”查看；也可以说“下个月的沙龙”“最近的培训”等筛选。`,
  end: (label: string, total: number) => `${label}共 ${total} 项，已经全部列出。输入“最近有什么活动”可从头查看。`,
  /** "下个月（7月1日至7月31日）的企业沙龙" / "近期的活动" */
  filterLabel: (range: string, type: string | undefined) => `${range || '近期'}的${type ?? '活动'}`,
  noneMatching: (label: string) => `暂时没有${label}。`,
  notFoundTitle: (title: string) => `没有找到名为“${title}”的可报名活动，它可能已结束或已取消。`,
  seeRecent: '输入“最近有什么活动”可查看近期安排。',
};

// ── Sign-up (sign_up) ─────────────────────────────────────────────────────────────────────────────

const SIGNUP_ALREADY_NEXT = '可输入“我的报名”查看；如需更改，请先输入“取消报名”再重新报名。';

export const SIGNUP_TEXT = {
  resumePrefix: '我们继续报名。',
  noneOpen: '目前没有可报名的活动。您可以输入“最近有什么活动”看看近期安排。',
  chooseActivity: '请选择要报名的活动（点击按钮或回复序号）：',
  chooseActivityRetry: '没有识别出您选的活动，请点击下方按钮或回复序号：',
  signingUpFor: (title: string, type: string, startsAt: string) => `好的，为您报名「${title}」（${type}，${startsAt}）。`,
  matchingAllClosed: '符合条件的活动报名都已截止。',
  noneMatching: '没有找到符合条件的活动。',
  onlyOpen: (title: string) => `目前可报名的活动是「${title}」。`,
  askTier: (tiers: string) => `该活动面向${tiers}。请问贵企业属于哪一类培育对象？`,
  tierRetry: '请选择贵企业的培育类别（一类、二类、三类），或选择“不清楚”。',
  /** 培育对象 as the policy defines them, one button each */
  tierChoices: ['一类（国家级、省级专精特新）', '二类（市级、区级专精特新）', '三类（入库培育企业）', '不清楚'],
  tierUnknown: '没关系。您可以先输入“我们属于哪一类”确认培育类别，再来报名；也可以看看其他不限类别的活动（输入“最近有什么活动”）。',
  tierNotEligible: (title: string, tiers: string) =>
    `抱歉，「${title}」面向${tiers}，贵企业暂不在范围内。您可以输入“最近有什么活动”查看其他活动，或输入“能享受哪些支持”了解适合的服务。`,
  fullTitle: '名额已满，是否登记候补？',
  full: (title: string, waitlisted: number) =>
    `「${title}」名额已满${waitlisted ? `，目前已有 ${waitlisted} 家企业在候补` : ''}。您可以登记候补：有名额释放时按顺序递补，并第一时间通知您。`,
  joinWaitlist: '登记候补',
  seeOthers: '看看其他活动',
  seeOthersReply: '好的。输入“最近有什么活动”可查看近期全部活动。',
  reuseOffer: '您之前填写过以下信息，本次是否直接使用？',
  reuseYes: '使用这些信息',
  reuseNo: '重新填写',
  reuseRetry: '请选择“使用这些信息”或“重新填写”。',
  left: '好的，已取消当前事项：本次报名没有提交，填写的信息没有保存。',
  /** After a how-to-sign-up answer to someone who said they want to take part: signing up right here. */
  offerButton: (label?: string) => `报名${label ?? ''}`,
  offer: (label?: string) => `您也可以直接在这里报名${label ? `“${label}”` : '近期活动'}。需要现在为您报名吗？回复“是”即可开始填写。`,
  feeNotStated: (title: string) => `「${title}」的活动信息没有注明费用，汇计划也未列明参加活动是否收费。如需确认，可输入“转人工”咨询服务专员。`,
  keptBeforeConsent: '好的，您填写的内容已记下，稍后不用重复填写。',
  switched: '好的，改为报名您新选的活动；刚才的报名没有提交，填写的信息没有保存。',
  mySignups: '我的报名',
  alreadyRegistered: (title: string, status: string | undefined) =>
    `该企业已报名「${title}」${status ? `（${status}）` : ''}，无需重复报名。${SIGNUP_ALREADY_NEXT}`,
  /** The enterprise was signed up by someone else (whose details are not shown to whoever knows the code). */
  registeredByColleague: (title: string) =>
    `该企业已由其他联系人报名「${title}」，每家企业报名一次即可。如需增加参会人员或更换联系人，请联系当初报名的同事，或输入“转人工”由服务专员协助。`,
  /** After a service's own already-registered message. */
  alreadyRegisteredNext: (message: string) => `${message}${SIGNUP_ALREADY_NEXT}`,
  confirmTitle: '请核对报名信息',
  confirmSubmit: '确认提交',
  confirmRestart: '重新填写',
  confirmCancel: '取消',
  confirmRetry: '请核对上面的报名信息：无误请点击“确认提交”；需要修改可点“重新填写”，或直接说要改哪一项；也可点“取消”。',
  /** Under the summary: what to reply, for channels that show the buttons as plain text. */
  confirmHint: '信息无误请回复“确认提交”；需要修改请回复“重新填写”，或直接说要改哪一项。',
  willWaitlist: (remaining: number) => `提示：当前剩余 ${remaining} 个名额，少于您填写的人数，提交后将进入候补。`,
  restart: '好的，我们重新填写一遍。',
  editField: '好的，请重新填写这一项，其他信息保持不变。',
  /** a correction at the summary that said its new value: the summary's line for it */
  fieldChanged: (line: string) => `好的，已更正为“${line}”，其他信息保持不变。`,
  saveFailed: '抱歉，保存时出了点问题，您填写的信息都还在。请点击“确认提交”重试，或输入“转人工”联系服务专员。',
  deadlinePassed: (title: string) => `抱歉，「${title}」报名已截止。您可以输入“最近有什么活动”查看其他活动，或输入“转人工”咨询。`,
  started: (title: string) => `${ERROR_TEXT.started(title)}您可以输入“最近有什么活动”查看其他活动。`,
  notOpen: (title: string) => `「${title}」已取消或暂未开放报名。您可以输入“最近有什么活动”查看其他活动。`,
  tooMany: (max: number) => `${perEnterpriseLimit(max)}，请重新报名并调整人数。`,
  failed: (message: string) => `${message}请重新报名，或输入“转人工”联系服务专员。`,
  // (The kind is said too: a user who asked for 培训 signed up for 「申报辅导」, a 培训辅导 activity.)
  confirmed: (p: { title: string; type: string; time: string; place: string; attendees: number; reminderHours: number; reactivated: boolean }) =>
    [
      `${p.reactivated ? '已为您重新报名' : '报名成功'}！「${p.title}」（${p.type}）`,
      CARD_TEXT.time(p.time),
      CARD_TEXT.place(p.place),
      FORM_TEXT.attendees(p.attendees),
      `活动开始前 ${p.reminderHours} 小时我会在这里提醒您。如需取消，发送“取消报名”即可。`,
    ].join('\n'),
  waitlisted: (title: string, position: number) =>
    [
      `「${title}」名额已满，已为您登记候补，目前排在第 ${position} 位。`,
      '有名额释放时将按顺序递补，并在这里通知您。可随时输入“我的报名”查看进度，或输入“取消报名”撤销候补。',
    ].join('\n'),
};

/** "本活动每家企业最多 2 人参加": the one wording of the per-enterprise limit (dialog, service, validation). */
function perEnterpriseLimit(max: number): string {
  return `本活动每家企业最多 ${max} 人参加`;
}

/** The sign-up form's fields: asked, asked again, resumed after a detour, explained after two misses. */
export type FormField = 'enterpriseName' | 'creditCode' | 'contactName' | 'mobile' | 'attendees' | 'positions';

export const FIELD_TEXT = {
  /** a code whose only fault is its check character: checked against the licence, then confirmed */
  checkTypedCode: (code: string) => `您之前输入的统一社会信用代码 ${code} 校验未通过（最后一位校验码与前 17 位不符）。请对照营业执照核对：如有误请输入正确的代码；如核对无误，请回复“确认”。`,
  /** a count above the limit: the limit offered instead */
  attendeesOverMax: (max: number) => `${perEnterpriseLimit(max)}。是否按 ${max} 人报名？回复“是”即按 ${max} 人填写，也可输入 1–${max} 之间的数字。`,
  confirmCheckChar: '统一社会信用代码校验未通过（最后一位校验码与前 17 位不符），可能有字符输错。请对照营业执照核对：如有误请重新输入；如核对无误，请回复“确认”。',
  ask: {
    enterpriseName: '请输入企业名称（即营业执照上的企业全称）：',
    creditCode: '请输入 18 位统一社会信用代码：',
    contactName: '请输入联系人姓名：',
    mobile: '请输入手机号：',
    attendees: (max: number) => `请输入参会人数（每家企业最多 ${max} 人）：`,
    positions: '请填写本次招聘的岗位和人数，多个岗位用分号隔开，例如：软件工程师 3；测试工程师 2',
  },
  reask: {
    enterpriseName: '请重新输入企业全称：',
    creditCode: '请重新输入统一社会信用代码：',
    contactName: '请重新输入联系人姓名：',
    mobile: '请重新输入手机号：',
    attendees: '请重新输入参会人数：',
    positions: '请重新填写招聘岗位和人数：',
  } satisfies Record<FormField, string>,
  /** Asking a field again after a question or command was served in between. */
  resume: {
    enterpriseName: '请接着填写企业名称（即营业执照上的企业全称）：',
    creditCode: '请接着填写 18 位统一社会信用代码：',
    contactName: '请接着填写联系人姓名：',
    mobile: '请接着填写手机号：',
    attendees: '请接着填写参会人数（数字）：',
    positions: '请接着填写招聘岗位和人数（例如：软件工程师 3；测试工程师 2）：',
  } satisfies Record<FormField, string>,
  /** What a field expects, shown after two failed attempts. */
  example: {
    enterpriseName: '企业全称请与营业执照一致，例如：苏州某某科技有限公司。',
    creditCode: '统一社会信用代码共 18 位，由数字和大写字母组成，印在营业执照上，例如：91320594MA1XXXXXXX 这样的格式。',
    contactName: '联系人姓名请填写真实姓名，例如：王明。',
    mobile: '手机号为 11 位数字，例如：13912345678。',
    attendees: '参会人数请只填数字，例如：2。',
    positions: '岗位和人数例如：软件工程师 3；测试工程师 2。',
  } satisfies Record<FormField, string>,
  shortEnterpriseName: '这看起来不像企业名称。请输入营业执照上的企业全称，例如：苏州某某科技有限公司。',
  offerLeave: '如暂时不便填写，可点击“结束报名”（已填写的信息不会保存），或输入“转人工”。',
  offerLeaveChoice: '也可以输入“取消”结束当前事项，或输入“转人工”。',
  choiceExample: (choices: readonly string[]) => `请点击下方按钮，或回复按钮上的文字，例如：${choices[0]}。`,
  leave: '结束报名',
};

// ── The personal-information notice and consent ──────────────────────────────────────────────────

/**
 * The notice shown before a sign-up collects anything (个人信息保护法 第十七条: who processes,
 * purpose, retention, how to exercise rights). Changing its words means a new SIGNUP_NOTICE_VERSION
 * (notice.ts): every consent row records the version the user saw.
 */
export function signupNotice(p: { contactRetentionDays: number; webChatDays: number; transcriptDays: number }): string {
  return [
    '【个人信息告知】报名前请阅读：',
    '1. 收集方：苏州工业园区经济发展委员会（园区经发委）、园区企业服务中心（企服中心）。',
    '2. 收集内容：企业名称、统一社会信用代码、联系人姓名、手机号、参会人数；专场招聘另含招聘岗位和人数。',
    '3. 使用目的：仅用于本次活动的组织、签到，以及活动提醒、变更、候补递补等通知，不作他用。',
    `4. 保存期限：联系人姓名和手机号在活动结束后 ${p.contactRetentionDays} 天删除；网页对话记录保存 ${p.webChatDays} 天，人工服务用的对话摘录保存 ${p.transcriptDays} 天，到期自动删除。`,
    '5. 撤回与权利：您可随时输入“取消报名”撤回同意（联系人信息随即删除，对话记录中的手机号、信用代码和姓名一并删除），输入“删除我的信息”删除企业信息，或输入“转人工”查询、更正、删除您的信息。',
    // (asked as a question too: a user typing, not clicking, knows what to answer)
    '请问是否同意以上告知？请点击“同意”继续报名；选择“不同意”将结束报名，且不会保存您的任何信息。',
  ].join('\n');
}

export const CONSENT_TEXT = {
  accept: '同意',
  refuse: '不同意',
  retry: '请确认是否同意上面的《个人信息告知》？点击“同意”继续报名，或点击“不同意”结束报名。',
  stuck: '您也可以随时提问政策问题，或输入“转人工”“我的报名”，我会先为您办理。',
  resume: '请确认是否同意上面的《个人信息告知》？同意后开始填写报名信息。',
  refused: '好的，已结束报名，您的任何信息都没有保存。如改变主意，随时可以再次输入“我要报名”。',
};

// ── My sign-ups (my_signups) ──────────────────────────────────────────────────────────────────────

export const MY_SIGNUPS_TEXT = {
  none: '您目前暂无进行中的报名。可输入“最近有什么活动”查看可报名的活动。',
  /** asked while a sign-up form is open: that sign-up is not submitted yet */
  filling: (title: string) => `您正在填写「${title}」的报名，尚未提交。`,
  noneSubmitted: '此前没有其他报名。',
  intro: (count: number, cancellable: boolean) => `您的报名共 ${count} 项：${cancellable ? '如需取消，请点击对应的“取消报名：活动名称”。' : ''}`,
};

// ── Cancelling a sign-up (cancel_signup) ─────────────────────────────────────────────────────────

export const CANCEL_TEXT = {
  resumePrefix: '我们继续取消报名。',
  nothingToCancel: '您目前没有可以取消的报名。可输入“我的报名”查看报名记录。',
  choose: '请选择要取消的报名（点击按钮或回复序号）：',
  chooseRetry: '没有识别出您要取消哪项报名，请点击下方按钮或回复序号：',
  choiceLabel: (title: string, startsAt: string, status: string) => `${title}（${startsAt}，${status}）`,
  confirmTitle: '确定要取消这项报名吗？',
  confirmBody: (title: string, enterprise: string, status: string, freesSeat: boolean) =>
    `「${title}」（${enterprise}，${status}）\n取消后${freesSeat ? '名额将让给候补企业，' : ''}您的联系人姓名和手机号将被删除。`,
  yes: '确认取消报名',
  no: '保留报名',
  confirmRetry: '确定要取消这项报名吗？请选择“确认取消报名”或“保留报名”。',
  kept: '好的，已为您保留报名。',
  keptOnLeave: '好的，已取消当前事项，您的报名都保持不变。',
  done: (title: string) => `已取消「${title}」的报名，联系人信息已删除。欢迎关注其他活动（输入“最近有什么活动”）。`,
  failed: (message: string) => `${message}可输入“我的报名”查看，或输入“转人工”联系服务专员。`,
};

// ── Messages the bot sends by itself (through the delivery outbox) ───────────────────────────────

const CANNOT_ATTEND = '如不能参加，请输入“取消报名”。';

export const PROACTIVE_TEXT = {
  promotion: (p: { title: string; enterprise: string; attendees: number; time: string; place: string }) =>
    [
      `好消息！您候补的「${p.title}」有名额了，${p.enterprise}的报名已确认（${p.attendees} 人）。`,
      CARD_TEXT.time(p.time),
      CARD_TEXT.place(p.place),
      '如不能参加，请输入“取消报名”把名额让给其他企业。',
    ].join('\n'),
  reminder: (p: { title: string; startsAt: string; place: string; enterprise: string; attendees: number }) =>
    [
      `活动提醒：您报名的「${p.title}」将于 ${p.startsAt} 开始。`,
      CARD_TEXT.place(p.place),
      `参会企业：${p.enterprise}（${p.attendees} 人）`,
      CANNOT_ATTEND,
    ].join('\n'),
  activityCancelled: (p: { title: string; startsAt: string; reason?: string }) =>
    [
      `抱歉通知：原定 ${p.startsAt} 举行的「${p.title}」已取消${p.reason ? `（原因：${p.reason}）` : ''}，您的报名随之取消。`,
      '给您带来不便，敬请谅解。可输入“最近有什么活动”查看其他活动。',
    ].join('\n'),
  activityChanged: (p: { title: string; time: string; place: string }) =>
    [`活动变更：您报名的「${p.title}」安排有调整，请以此为准：`, CARD_TEXT.time(p.time), CARD_TEXT.place(p.place), CANNOT_ATTEND].join('\n'),
  registrationCancelled: (p: { title: string; startsAt: string; enterprise: string; reason?: string }) =>
    [
      `报名取消通知：${p.enterprise}报名的「${p.title}」（${p.startsAt}）已由工作人员取消${p.reason ? `（原因：${p.reason}）` : ''}。`,
      '如有疑问，请输入“转人工”联系服务专员；可输入“最近有什么活动”查看其他活动。',
    ].join('\n'),
};

/** Why a queued message was not sent, as the console's delivery list shows it. */
export const DELIVERY_NOTE_TEXT = {
  activityCancelled: '活动已取消',
  activityChanged: '活动安排已变更',
  registrationCancelled: '报名已取消',
  confirmedAfterReminder: '报名确认晚于提醒时间，确认消息已含时间地点',
};

// ── Refusals of the services (ActivityError messages: the chat and the console show them) ──────

export const ERROR_TEXT = {
  /** several refusals of one form in one message */
  problems: (messages: string[]) => messages.join('；'),
  activityNotFound: (id: number) => `找不到编号为 ${id} 的活动。`,
  cancelledNoEdit: '活动已取消，不能再修改。',
  cancelledNoPublish: '活动已取消，不能发布。',
  endedNoPublish: '活动已结束，不能发布。',
  notOpenForSignup: (title: string, cancelled: boolean) => `「${title}」${cancelled ? '已取消' : '尚未发布'}，暂不能报名。`,
  started: (title: string) => `「${title}」已经开始，不能再报名。`,
  deadlinePassed: (title: string) => `「${title}」报名已截止。`,
  tierNotEligible: (title: string, tiers: string) => `「${title}」面向${tiers}。`,
  tooManyAttendees: (max: number) => `${perEnterpriseLimit(max)}。`,
  positionsRequired: '专场招聘请填写招聘岗位及人数。',
  alreadyRegistered: (enterprise: string | null, title: string) => `该企业（${enterprise}）已报名「${title}」。`,
  registrationNotFound: '没有找到这条报名记录。',
  alreadyCancelled: '这条报名已经取消了。',
  checkedInNoCancel: '已签到的报名不能取消。',
  startedNoCancel: (title: string) => `「${title}」已经开始，不能在线取消。`,
  onlyWaitlistedPromoted: '只有候补中的报名可以递补。',
  notPublishedNoPromote: '活动未在发布状态，不能递补。',
  endedNoPromote: '活动已结束，不能递补。',
  notEnoughSeats: (remaining: number, attendees: number) => `剩余名额 ${remaining} 个，不足该企业的 ${attendees} 人。请先增加活动名额或取消其他报名。`,
  waitlistedNoCheckIn: '候补中的报名不能签到。',
  cancelledNoCheckIn: '已取消的报名不能签到。',
  activityCancelledNoCheckIn: '活动已取消，不能签到。',
  checkInOpensAt: (hours: number) => `签到于活动开始前 ${hours} 小时开放。`,
  checkInClosed: '活动已结束，签到已关闭。',
  notRegisteredForActivity: '该企业没有报名这个活动。',
  attendeesAtLeastOne: '参会人数至少为 1 人。',
  invalidTier: '培育类别无效。',
  missingOrigin: '缺少报名来源。',
  consentRequired: '报名前需要同意个人信息告知。',
  tooManyPositions: (max: number) => `招聘岗位最多 ${max} 个。`,
  invalidPosition: '招聘岗位或人数无效。',
};

// ── Validation of what enterprises type and officials enter ──────────────────────────────────────

/** What each checked field is called in its messages. */
export const FIELD_LABELS = {
  enterpriseName: '企业名称',
  contactName: '联系人姓名',
  attendees: '参会人数',
  positions: '招聘岗位',
};

const POSITIONS_EXAMPLE = '例如：软件工程师 3；测试工程师 2';

export const VALIDATION_TEXT = {
  empty: (label: string) => `${label}不能为空，请输入${label}。`,
  emoji: (label: string) => `${label}中请不要使用表情符号。`,
  control: (label: string) => `${label}中含有无法识别的字符，请重新输入。`,
  tooLong: (label: string, max: number, length: number) => `${label}过长（最多 ${max} 个字，您输入了 ${length} 个字）。`,
  tooShort: (label: string, min: number) => `${label}过短（至少 ${min} 个字）。`,
  enterpriseNameNoLetters: '企业名称应包含文字，请输入营业执照上的企业全称。',
  enterpriseNameShape: '这看起来不像企业名称，请输入营业执照上的企业全称，例如：苏州某某科技有限公司。',
  contactNameLetters: '联系人姓名只能包含中文或英文字母（可含间隔号“·”），请输入真实姓名。',
  contactNameShape: '这看起来不像姓名。联系人姓名请填写真实姓名，例如：王明。',
  attendeesRange: (message: string, max: number) => `${message}请输入 1–${max} 之间的数字。`,
  attendeesNotNumber: (max: number) => `请用数字填写参会人数（1–${max}），例如“2”。`,
  attendeesTooFew: (max: number) => `参会人数至少为 1 人，请输入 1–${max} 之间的数字。`,
  attendeesTooMany: (max: number) => `${perEnterpriseLimit(max)}，请输入 1–${max} 之间的数字。`,
  creditCode: {
    empty: '请输入 18 位统一社会信用代码（可在营业执照上找到）。',
    chinese: '统一社会信用代码由 18 位数字和大写字母组成，请不要输入汉字（例如企业名称）。',
    /** "没有", "不知道", "稍后再给": the code is not at hand */
    notAtHand: '报名需要填写统一社会信用代码（18 位，印在营业执照上，财务或行政同事通常可以提供）。如暂时查不到，可输入“结束报名”，查到后再来报名；也可以输入“转人工”。',
    illegalChar: (position: number, char: string) => `统一社会信用代码只包含数字和大写字母，第 ${position} 位“${char}”不是有效字符。`,
    length: (length: number) => `统一社会信用代码应为 18 位，您输入的是 ${length} 位，请核对是否有遗漏或多余的字符。`,
    excludedLetter: (position: number, char: string, lookalike: string) =>
      `统一社会信用代码不使用字母 I、O、Z、S、V，第 ${position} 位是“${char}”。请核对营业执照，它可能是“${lookalike}”。`,
    checkChar: '统一社会信用代码校验未通过（最后一位校验码与前 17 位不符），可能有字符输错，请对照营业执照核对后重新输入。',
  },
  mobile: {
    empty: '请输入联系人的手机号（11 位）。',
    notDigits: '手机号只能包含数字，请输入 11 位中国大陆手机号，例如 13812345678。',
    foreign: '目前仅支持中国大陆手机号（+86），请输入 11 位手机号。',
    length: (length: number) => `手机号应为 11 位，您输入的是 ${length} 位，请核对后重新输入。`,
    prefix: '这不是有效的中国大陆手机号：手机号以 13–19 开头，请核对后重新输入。',
  },
  positions: {
    whole: (message: string) => `${message}${POSITIONS_EXAMPLE}`,
    tooMany: (max: number) => `招聘岗位最多填写 ${max} 个，请合并或精简后重新输入。`,
    noHeadcount: (item: string) => `“${item}”缺少招聘人数，请按“岗位 人数”填写，${POSITIONS_EXAMPLE}。`,
    unreadable: (item: string) => `没能看懂“${item}”，请按“岗位 人数”填写，${POSITIONS_EXAMPLE}。`,
    titleTooLong: (title: string, max: number) => `岗位名称“${title}”过长（最多 ${max} 个字）。`,
    headcountRange: (title: string, max: number) => `“${title}”的招聘人数应在 1–${max} 之间。`,
    missing: `请填写招聘岗位及人数，${POSITIONS_EXAMPLE}。`,
  },
};

/** The console's activity form (activityInputSchema). */
export const ACTIVITY_INPUT_TEXT = {
  invalidTime: (label: string) => `${label}不是有效的时间`,
  tooLong: (label: string, max: number) => `${label}最多 ${max} 个字`,
  type: '活动类型应为 salon、training、jobfair 或 other',
  titleMin: '活动名称至少 2 个字',
  titleMax: '活动名称最多 80 个字',
  titleEmoji: '活动名称中请不要使用表情符号',
  descriptionMax: '活动介绍最多 2000 字',
  startsAt: '开始时间',
  endsAt: '结束时间',
  place: '活动地点',
  onlineUrl: '线上链接应以 http:// 或 https:// 开头',
  capacityInteger: '名额应为整数',
  capacityMin: '名额至少为 1',
  capacityMax: '名额最多 100000',
  signupDeadline: '报名截止时间',
  seatsInteger: '每家企业名额应为整数',
  endBeforeStart: '结束时间应晚于开始时间',
  deadlineAfterEnd: '报名截止时间不能晚于活动结束时间',
  placeOrUrl: '请填写活动地点或线上链接',
  seatsOverCapacity: '每家企业名额不能超过总名额',
};

// ── The console's activity and registration endpoints ────────────────────────────────────────────

export const CONSOLE_TEXT = {
  disabled: '活动功能未启用。',
  nothingToChange: '请提交要修改的字段',
  unsupportedFields: (keys: string[]) => `不支持的字段：${keys.join('、')}`,
  reasonRequired: '请填写取消原因',
  reasonTooLong: (max: number) => `取消原因最多 ${max} 字`,
  creditCodeRequired: '请填写统一社会信用代码',
  /** the downloaded file's name, without the extension */
  exportName: (activityId: number | undefined) => (activityId ? `报名名单-活动${activityId}` : '报名名单'),
};
