import { DirectLineClient, textsFrom } from '../directline/harness';
import { ChatUser, TOKENS, api, eventually, startAdminApp, type RunningAdminApp } from './helpers';

describe('转人工: tickets from the chat, answered from the console', () => {
  let running: RunningAdminApp;
  beforeAll(async () => {
    running = await startAdminApp();
  });
  afterAll(async () => running.close());

  test('over Direct Line: the user asks for a person, the official replies, the reply arrives in the web chat conversation', async () => {
    const client = await DirectLineClient.start(running.url);
    await client.post('你好');
    await client.waitFor((a) => a.from?.role === 'bot' && (a.text ?? '').includes('您好'));
    await client.post('转人工');
    await client.waitFor((a) => (a.text ?? '').includes('请简要描述您要咨询的问题'));
    await client.post('我们想了解深度诊断的报名方式');
    await client.waitFor((a) => (a.text ?? '').includes('服务专员如何回复您'));
    await client.post('本会话回复即可');
    const opened = await client.waitFor((a) => (a.text ?? '').includes('工单号'));
    expect(opened.text).toContain('工作日内');
    expect(opened.text).toContain('回复方式：在本会话回复');
    const ticketId = Number(/#(\d+)/.exec(opened.text ?? '')![1]);

    const list = await api(`${running.api}/tickets?status=open`, { token: TOKENS.viewer });
    expect(list.body.items.map((t: { id: number }) => t.id)).toContain(ticketId);
    const detail = await api(`${running.api}/tickets/${ticketId}`, { token: TOKENS.viewer });
    expect(detail.body).toMatchObject({ status: 'open', channelId: 'directline', question: '我们想了解深度诊断的报名方式' });
    expect(detail.body.contactName).toBeUndefined();
    const transcript = detail.body.transcript as Array<{ role: string; text: string }>;
    expect(transcript.filter((l) => l.role === 'user').map((l) => l.text)).toEqual(['你好', '转人工', '我们想了解深度诊断的报名方式', '本会话回复即可']);
    expect(transcript.some((l) => l.role === 'bot' && l.text.includes('服务专员如何回复您'))).toBe(true);

    expect((await api(`${running.api}/tickets/${ticketId}/reply`, { token: TOKENS.viewer, body: { text: '您好' } })).status).toBe(403);
    expect((await api(`${running.api}/tickets/${ticketId}/reply`, { token: TOKENS.editor, body: { text: '  ' } })).status).toBe(400);
    const reply = await api(`${running.api}/tickets/${ticketId}/reply`, {
      token: TOKENS.editor,
      body: { text: '您好，深度诊断的报名通知会在企服中心官网发布，我们也会通过本会话提醒您。<script>alert(1)</script>' },
    });
    expect(reply.status).toBe(202);
    const arrived = await client.waitFor((a) => (a.text ?? '').includes('【服务专员回复】'));
    expect(arrived.text).toContain(`工单 #${ticketId}`);
    expect(arrived.text).toContain('深度诊断的报名通知');
    // Replies now go to the ticket: the footer says so, and how to return to the bot.
    expect(arrived.text).toContain('直接回复即可');
    expect(arrived.text).toContain('输入“返回助手”回到智能助手');
    expect(arrived.text).not.toContain('再次联系服务专员');
    expect(arrived.from?.role).toBe('bot');

    const answered = await eventually(async () => {
      const d = await api(`${running.api}/tickets/${ticketId}`, { token: TOKENS.viewer });
      return d.body.messages[0]?.delivery?.status === 'sent' && d.body;
    });
    expect(answered.status).toBe('answered');
    expect(answered.messages[0]).toMatchObject({ author: 'official', authorName: 'bob' });

    // Still open for the user: asking again adds to the same ticket.
    await client.post('转人工');
    await client.waitFor((a) => (a.text ?? '').includes(`工单 #${ticketId}`) && (a.text ?? '').includes('正在处理中'));
    await client.post('另外想问诊断需要准备哪些材料');
    await client.waitFor((a) => (a.text ?? '').includes('已将补充内容添加到工单'));
    const reopened = await api(`${running.api}/tickets/${ticketId}`, { token: TOKENS.viewer });
    expect(reopened.body.status).toBe('open');
    expect(reopened.body.messages.map((m: { author: string; text: string }) => [m.author, m.text])[1]).toEqual(['user', '另外想问诊断需要准备哪些材料']);

    expect((await api(`${running.api}/tickets/${ticketId}/close`, { token: TOKENS.editor, method: 'POST' })).body.status).toBe('closed');
    const late = await api(`${running.api}/tickets/${ticketId}/reply`, { token: TOKENS.editor, body: { text: '补充说明' } });
    expect(late.status).toBe(409);
    expect(textsFrom(client.seen, 'bot').filter((t) => t.includes('【服务专员回复】'))).toHaveLength(1);
  }, 30000);

  test('a name and mobile are checked and kept for the official (masked for viewers); a recent unanswered question can be handed over as is', async () => {
    const u = new ChatUser(running.app, 'h-2');
    await running.app.services.db.run(
      `INSERT INTO unanswered_questions (text, channel, conversation_id, user_id, reason) VALUES (?, 'test', ?, 'h-2', 'out_of_scope')`,
      ['外地企业能参加汇计划吗', u.conversationId],
    );
    const ask = await u.say('联系服务专员');
    expect(ask).toContain('外地企业能参加汇计划吗');
    expect(ask).toContain('[建议] 就是刚才的问题');
    expect(await u.say('就是刚才的问题')).toContain('服务专员如何回复您');
    expect(await u.say('王先生 1391234')).toContain('手机号应为 11 位');
    expect(await u.say('留下姓名和手机号')).toContain('请输入您的姓名');
    expect(await u.say('王😀')).toContain('表情');
    expect(await u.say('王先生')).toContain('请输入您的手机号');
    expect(await u.say('2345')).toContain('手机号');
    const opened = await u.say('+86 139-1234-5678');
    expect(opened).toContain('回复方式：王先生 139****5678');
    const ticketId = Number(/#(\d+)/.exec(opened)![1]);

    const forEditor = await api(`${running.api}/tickets/${ticketId}`, { token: TOKENS.editor });
    expect(forEditor.body).toMatchObject({ question: '外地企业能参加汇计划吗', contactName: '王先生', mobile: '13912345678', unansweredId: expect.any(Number) });
    const forViewer = await api(`${running.api}/tickets/${ticketId}`, { token: TOKENS.viewer });
    expect(forViewer.body.mobile).toBe('139****5678');
  });

  test('the reply reaches a conversation on another channel through its proactive adapter; the transcript keeps the last 20 messages', async () => {
    const u = new ChatUser(running.app, 'h-3');
    for (let i = 0; i < 15; i++) await u.say(`第${i}个问题`);
    await u.say('转人工');
    await u.say('王先生 13912345678 想咨询技改项目');
    const opened = await u.say('本会话回复即可');
    // The question was the whole message; the contact answer came next.
    const ticketId = Number(/#(\d+)/.exec(opened)![1]);
    const detail = await api(`${running.api}/tickets/${ticketId}`, { token: TOKENS.editor });
    expect(detail.body.transcript.length).toBeLessThanOrEqual(21);
    expect(detail.body.transcript.some((l: { text: string }) => l.text === '第0个问题')).toBe(false);
    expect(detail.body.transcript.some((l: { text: string }) => l.text === '第14个问题')).toBe(true);

    await api(`${running.api}/tickets/${ticketId}/reply`, { token: TOKENS.editor, body: { text: '已收到，稍后联系您。' } });
    await eventually(async () => running.channel.to(u.conversationId).length === 1);
    expect(running.channel.to(u.conversationId)[0]).toContain('已收到，稍后联系您。');
  });
});
