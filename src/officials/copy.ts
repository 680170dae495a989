/**
 * The officials' console's response catalogue: every Chinese text the console API and its exports
 * give officials that no feature catalogue holds — the labels of channels, roles, tickets, deliveries
 * and the WeChat login, the audit log's wording, the API's refusals and the registration exports'
 * headers. The page (src/admin/public) reads the labels from GET /admin/api/labels and repeats none.
 * A feature's own console texts stay in its catalogue (src/activities/copy.ts, src/handoff/copy.ts,
 * src/notifications/copy.ts). This file imports nothing, so every layer above may read it; the maps
 * get their code types where they are used (src/admin/labels.ts, src/officials/roles.ts).
 */

// ── Labels (the page via GET /admin/api/labels, the exports) ───────────────────────────────────

/** Where a conversation or registration came from (`channel_id`). */
export const CHANNEL_LABELS: Record<string, string> = {
  directline: '网页聊天',
  wechat: '微信',
  'wechat-oa': '微信服务号',
  emulator: 'Bot Framework 模拟器',
  msteams: 'Teams',
  webchat: 'Azure 网页聊天',
  terminal: '终端',
  test: '测试渠道',
};

export const ROLE_TEXT = { viewer: '只读', editor: '编辑', admin: '管理员' };

export const TICKET_STATUS_TEXT = {
  open: '待处理',
  answered: '已回复',
  closed: '已关闭',
};

/** One recipient's delivery state (`deliveries.status`). */
export const DELIVERY_STATUS_TEXT = {
  queued: '排队中',
  sending: '发送中',
  sent: '已送达',
  failed: '失败',
  expired: '已过期',
  unknown: '结果未知',
  skipped: '已跳过',
};

/** What a queued message is (`deliveries.kind`), but the activity feature's kinds (its catalogue). */
export const DELIVERY_KIND_TEXT = {
  notification: '活动通知',
  ticket_reply: '工单回复',
  reply: '微信回复',
};

export const WECHAT_LOGIN_TEXT = {
  disabled: '未启用',
  stopped: '已停止',
  starting: '启动中',
  waiting_for_scan: '待扫码',
  logged_in: '已登录',
  logged_out: '已退出',
  retrying: '重连中',
};

// ── The audit log ──────────────────────────────────────────────────────────────────────────────

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'activity.create': '创建活动',
  'activity.update': '修改活动',
  'activity.publish': '发布活动',
  'activity.cancel': '取消活动',
  'notification.send': '发送通知',
  'notification.retry': '重发失败通知',
  'delivery.retry': '重发消息',
  'registration.cancel': '取消报名',
  'registration.check_in': '签到',
  'registration.promote': '候补递补',
  'registrations.export': '导出报名名单',
  'ticket.reply': '回复工单',
  'ticket.close': '关闭工单',
  'token.create': '创建令牌',
  'token.revoke': '吊销令牌',
  'unanswered.resolve': '标记问题已处理',
};

export const AUDIT_TARGET_LABELS: Record<string, string> = {
  activity: '活动',
  notification: '通知',
  registration: '报名',
  ticket: '工单',
  token: '令牌',
};

export const ACTIVITY_FIELD_LABELS: Record<string, string> = {
  type: '类型',
  title: '名称',
  description: '简介',
  startsAt: '开始时间',
  endsAt: '结束时间',
  place: '地点',
  onlineUrl: '线上链接',
  capacity: '名额',
  signupDeadline: '报名截止',
  eligibleTiers: '面向类别',
  seatsPerEnterprise: '每家企业人数',
};

/** An audit entry's summary: "名额：30 → 40；地点：A → B", or the reason given. Values come formatted. */
export const AUDIT_TEXT = {
  empty: '（空）',
  list: (items: readonly unknown[]) => items.join('、'),
  change: (field: string, from: string, to: string) => `${field}：${from} → ${to}`,
  changes: (parts: string[]) => parts.join('；'),
  noChange: '无实际变化',
  reason: (reason: string) => `原因：${reason}`,
};

// ── The API's refusals (shown by the page as they are) ────────────────────────────────────────

export const API_TEXT = {
  tooManyFailuresSeconds: (seconds: number) => `登录失败次数过多，请 ${seconds} 秒后再试。`,
  tooManyFailuresMinutes: (minutes: number) => `登录失败次数过多，请 ${minutes} 分钟后再试。`,
  loginNeeded: '请先登录：需要有效的访问令牌。',
  roleNeeded: (role: string) => `权限不足：此操作需要“${role}”或更高权限。`,
  internal: '服务器内部错误，请稍后再试。',
  tooLarge: (kb: number) => `提交的内容过大（最多 ${kb} KB）。`,
  malformed: '请求内容不是有效的 JSON。',
  tooComplex: '提交的内容层级过深或过于复杂。',
  notFound: '找不到该记录。',
  invalidInput: '提交的内容有误，请按提示修改。',
  unsupportedFields: (keys: string[]) => `不支持的字段：${keys.join('、')}`,
};

/** Access tokens (admins). */
export const TOKEN_TEXT = {
  nameRequired: '请填写令牌名称',
  nameInvalid: '名称为 1–40 个字母、数字或 _ . @ -',
  roleInvalid: '角色应为 viewer、editor 或 admin',
  revokeOwn: '不能吊销当前正在使用的令牌。',
  notFound: '找不到该令牌，或它已被吊销。',
};

/** Marking unanswered questions handled. */
export const REVIEW_TEXT = {
  pickQuestions: '请选择要标记的问题',
  idsNotNumbers: '问题编号应为数字列表',
};

// ── Registration exports (CSV and .xlsx) ───────────────────────────────────────────────────────

export const EXPORT_TEXT = {
  /** a contact detail erased under the retention rules */
  erased: '（已删除）',
  headers: {
    id: '报名编号',
    activityId: '活动编号',
    activityTitle: '活动名称',
    activityType: '活动类型',
    enterpriseName: '企业名称',
    creditCode: '统一社会信用代码',
    contactName: '联系人',
    mobile: '手机号',
    attendees: '参会人数',
    tier: '培育类别',
    positions: '招聘岗位',
    status: '状态',
    waitlistPosition: '候补位次',
    cancelReason: '取消原因',
    channel: '报名渠道',
    registeredAt: '报名时间',
    checkedInAt: '签到时间',
  },
  /** "软件工程师 3人；测试 1人" */
  positions: (positions: Array<{ title: string; headcount: number }>) => positions.map((p) => `${p.title} ${p.headcount}人`).join('；'),
  /** "官员取消：场地调整" (who cancelled, the note), either may be missing */
  cancelReason: (parts: string[]) => parts.join('：'),
  workbookCreator: '汇计划助手',
  sheetName: '报名名单',
};
