import { TEXT } from '../../dialogs/messages';
import { DirectLineClient, startDirectLineApp, tempDbPath, textsFrom } from './harness';

describe('Direct Line history in SQLite and proactive messages', () => {
  test('history, tokens and pushed messages survive a restart on the same database', async () => {
    const dbPath = tempDbPath();
    const first = await startDirectLineApp({ dbPath });
    const client = await DirectLineClient.start(first.url);
    const refKey = `directline|${client.conversation.conversationId}`;
    await client.post('你好');
    expect(textsFrom(await client.poll(), 'bot')).toEqual([TEXT.welcome, TEXT.greeting]);

    // A reminder pushed through the shared proactive seam lands in the stream.
    expect(await first.app.services.proactive.send(refKey, '提醒：您报名的企业沙龙明天上午9:00开始。')).toBe(true);
    const [pushed] = await client.poll();
    expect(pushed).toMatchObject({
      type: 'message',
      text: '提醒：您报名的企业沙龙明天上午9:00开始。',
      from: { id: 'huibot', role: 'bot' },
      id: `${client.conversation.conversationId}|0000004`,
      timestamp: expect.any(String),
    });
    expect(pushed.replyToId).toBeUndefined();
    const seenBefore = client.watermark;
    await first.close();

    // Restarted: the same token still works (the generated signing key is persisted).
    const second = await startDirectLineApp({ dbPath });
    client.conversation = { ...client.conversation };
    const restartedClient = new DirectLineClient(`${second.url}/v3/directline`, client.conversation);

    // While the user is away, the bot pushes again (the conversation is not in memory yet).
    expect(await second.app.services.proactive.send(refKey, ['您的报名已确认。', '如需取消，请回复“取消报名”。'])).toBe(true);

    restartedClient.watermark = seenBefore;
    expect(textsFrom(await restartedClient.poll(), 'bot')).toEqual(['您的报名已确认。', '如需取消，请回复“取消报名”。']);

    restartedClient.watermark = '';
    const history = await restartedClient.poll();
    expect(history.map((a) => [a.from?.role, a.text])).toEqual([
      ['bot', TEXT.welcome],
      ['user', '你好'],
      ['bot', TEXT.greeting],
      ['bot', '提醒：您报名的企业沙龙明天上午9:00开始。'],
      ['bot', '您的报名已确认。'],
      ['bot', '如需取消，请回复“取消报名”。'],
    ]);

    // The conversation carries on with the next ids; the dialog state survived too.
    const sent = await restartedClient.post('我们属于哪一类');
    expect(sent.id).toBe(`${client.conversation.conversationId}|0000007`);
    const [, reply] = await restartedClient.poll();
    expect(reply).toMatchObject({ replyToId: sent.id, text: TEXT.help, id: `${client.conversation.conversationId}|0000008` });
    await second.close();
  });

  test('a proactive send to an unknown web conversation reports false and appends nothing', async () => {
    const running = await startDirectLineApp();
    try {
      expect(await running.app.services.proactive.send('directline|nobody-here', '你好')).toBe(false);
    } finally {
      await running.close();
    }
  });
});
