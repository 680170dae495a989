/**
 * The hand-off's response catalogue: every Chinese text the 转人工 dialog (dialogs/handoff/) says to
 * the user, what the user receives when a 服务专员 answers, and what officials see of tickets in the
 * console. Policy facts never live here.
 *
 * Not here, on purpose — word lists that read the user's input (matching, not responses):
 * dialogs/handoff/handoffDialog.ts RETURN_WORDS, REFERS_BACK and HANDOFF_WORDS;
 * dialogs/handoff/contact.ts CHAT_WORDS, PHONE_WORDS, NOT_A_NAME, SURNAMES and the name patterns.
 */

/** What the 转人工 dialog says. */
export const HANDOFF_TEXT = {
  askQuestion: '好的，我来为您转接企服中心的“专精特新”服务专员。请简要描述您要咨询的问题（具体事项或诉求，一两句话即可）：',
  askQuestionWithRecent: (recent: string) =>
    `好的，我来为您转接企服中心的“专精特新”服务专员。请简要描述您要咨询的问题；如果就是刚才没能回答的“${recent}”，点击下方按钮即可。`,
  useRecent: '就是刚才的问题',
  /** the matter told with the request, taken as the question */
  questionTaken: (question: string) => `好的，我来为您转接企服中心的“专精特新”服务专员，咨询事项：“${question}”。`,
  noRecent: '没有找到您刚才的问题，请直接输入您要咨询的问题，方便服务专员准确答复：',
  questionEmpty: '请用文字简要描述您要咨询的问题：',
  questionNeeded: '正在为您转人工。请简要描述您要咨询的问题，方便服务专员准确答复：',
  questionTooLong: (n: number, max: number) => `问题有些长（${n} 字），请精简到 ${max} 字以内，或先说明要点：`,
  askContact:
    '服务专员如何回复您？可以直接在本会话回复；也可以留下姓名和手机号（例如：王先生 13912345678），姓名和手机号仅用于服务专员就本次咨询联系您。',
  replyInChat: '本会话回复即可',
  leavePhone: '留下姓名和手机号',
  contactRetry: '请点击“本会话回复即可”，或直接输入姓名和手机号（例如：王先生 13912345678）。',
  askName: '请输入您的姓名（或称呼，例如：王先生）：',
  askMobile: '请输入您的手机号：',
  /** a reply that answers another question (同意, 取消报名…) given as a name */
  nameNeeded: '请输入您的姓名或称呼。',
  /** the shared name check speaks of 联系人姓名; here it is the user's own 姓名 */
  nameMessage: (message: string) => message.replace(/联系人姓名/g, '姓名'),
  opened: (id: number, question: string, contact: string | undefined) =>
    [
      `已为您转交服务专员，工单号 #${id}。`,
      `问题：${question.length > 100 ? `${question.slice(0, 100)}…` : question}`,
      `回复方式：${contact ?? '在本会话回复'}`,
      `服务专员会在工作日内回复您，回复将发送到本会话${contact ? '，必要时也会按您留下的电话联系您' : ''}。`,
    ].join('\n'),
  answeredTicket: (id: number, question: string) =>
    `服务专员已回复您的咨询（工单 #${id}：${question.length > 40 ? `${question.slice(0, 40)}…` : question}），回复在本会话中。如需继续咨询或补充，请直接输入，我会转给服务专员；输入“取消”结束。`,
  askNameOrBoth: '请输入您的姓名（或称呼）和手机号，例如：王先生 13912345678',
  relayed: (id: number) => `已将补充内容添加到工单 #${id}，服务专员会在本会话回复。如需回到智能助手，请输入“返回助手”。`,
  inSession: (id: number) =>
    `您的咨询（工单 #${id}）正在处理中，服务专员已在本会话回复。您直接输入的内容都会转给服务专员；如需回到智能助手，请输入“返回助手”。`,
  returned: '好的，已回到智能助手，您可以继续提问。服务专员如再回复，仍会发到本会话。',
  returnButton: '返回助手',
  // after two failed attempts at one question: what is expected, with an example, and the way out
  expectQuestion: '请用一两句话写下要咨询的内容，例如：深度诊断需要准备哪些材料？',
  expectContact: '可以选择在本会话等待回复；也可以输入姓名和手机号，例如：王先生 13912345678。',
  expectName: '姓名或称呼即可，例如：王先生；也可以连同手机号一起输入，例如：王先生 13912345678。',
  expectMobile: '手机号为 11 位数字，例如：13912345678。',
  leave: '也可以输入“取消”结束转人工（不会创建工单）。',
  left: '好的，已取消当前事项，没有创建转人工工单。',
  /** said before a step is asked again after an interruption */
  resume: '我们继续转人工。',
  activeTicket: (id: number, question: string) =>
    `您的咨询（工单 #${id}：${question.length > 40 ? `${question.slice(0, 40)}…` : question}）正在处理中，服务专员会在工作日内回复到本会话。如需补充说明，请直接输入；输入“取消”结束。`,
  added: (id: number) => `已将补充内容添加到工单 #${id}，服务专员会一并处理。`,
  failed: '抱歉，转人工暂时没有成功，您输入的内容已记录在会话中，请稍后再试。',
} as const;

/** An official's reply as the user receives it. */
export const TICKET_REPLY_TEXT = {
  header: (ticketId: number) => `【服务专员回复】（工单 #${ticketId}）`,
  /** Replies in this conversation now go to the ticket (dialogs/handoff: 返回助手 leaves it). */
  footer: '如需继续咨询，直接回复即可，内容会转给服务专员；输入“返回助手”回到智能助手。',
} as const;

/** What officials see in the console: refusals and the transcript's lines. */
export const TICKET_ADMIN_TEXT = {
  notFound: (ticketId: number) => `找不到工单 #${ticketId}。`,
  closed: (ticketId: number) => `工单 #${ticketId} 已关闭，不能再回复。`,
  replyRequired: '请填写回复内容',
  replyNotText: '回复内容应为文字',
  replyTooLong: (max: number) => `回复内容最多 ${max} 字`,
  transcriptCard: (title: string, text: string) => `[卡片] ${[title, text].filter(Boolean).join('：')}`,
  transcriptButtons: (titles: string) => `[按钮] ${titles}`,
} as const;
