import { RecordingChannel, TOKENS, api, eventually, removeDb, startAdminApp, tempDbPath } from './helpers';

const SUBSCRIBERS = 30;

describe('the delivery outbox across a restart (createApp twice on the same database file)', () => {
  const dbPath = tempDbPath();
  afterAll(() => removeDb(dbPath));

  test('what was sent before the stop is not sent again; what was queued is sent after; an interrupted external send is shown as unknown and not repeated', async () => {
    // First run: subscribers, then a notification whose delivery is stopped part-way.
    const first = new RecordingChannel();
    const run1 = await startAdminApp({ dbPath, channel: first, delivery: { policyOverrides: { batchSize: 5, concurrency: 2 } } });
    const admin1 = run1.admin;
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const conversationId = `conv-${i}`;
      const refKey = await run1.app.services.proactive.references.save({
        channelId: 'test',
        conversation: { id: conversationId } as never,
        user: { id: `user-${i}`, name: `user-${i}` },
        bot: { id: 'huibot', name: '汇计划助手' },
        serviceUrl: 'https://test.invalid',
      });
      await admin1.subscriptions.subscribe({ channelId: 'test', userId: `user-${i}`, conversationId, refKey });
    }
    first.hold();
    const sent = await api(`${run1.api}/notifications`, { token: TOKENS.editor, body: { text: '重启测试通知' } });
    expect(sent.status).toBe(202);
    expect(sent.body.recipients).toBe(SUBSCRIBERS);
    // Two sends are held at the channel; stopping lets them finish and puts the rest of the batch back.
    await eventually(async () => first.waiting === 2);
    const stopping = run1.app.services.delivery.stop();
    first.release();
    await stopping;
    await run1.close({ keepDb: true });
    const deliveredFirst = first.sent.map((m) => m.conversationId);
    expect(deliveredFirst.length).toBeGreaterThanOrEqual(2);
    expect(deliveredFirst.length).toBeLessThan(SUBSCRIBERS);

    // A crash in the middle of a send: the row is left 'sending' (the channel's answer is unknown).
    const db = (await import('../../src/storage/database')).Database;
    const raw = await db.open(dbPath);
    const { changes } = await raw.run(
      `UPDATE deliveries SET status = 'sending' WHERE id = (SELECT MIN(id) FROM deliveries WHERE status = 'queued')`,
    );
    expect(changes).toBe(1);
    const interrupted = (await raw.get<{ ref_key: string }>(`SELECT ref_key FROM deliveries WHERE status = 'sending'`))!.ref_key;
    await raw.close();

    // Second run on the same file: the worker settles the interrupted row, then resumes.
    const second = new RecordingChannel();
    const run2 = await startAdminApp({ dbPath, channel: second });
    try {
      const status = await eventually(async () => {
        const s = await api(`${run2.api}/notifications/${sent.body.id}`, { token: TOKENS.viewer });
        return s.body.state === 'done' && s.body;
      });
      const deliveredSecond = second.sent.map((m) => m.conversationId);
      const all = [...deliveredFirst, ...deliveredSecond];
      expect(new Set(all).size).toBe(all.length);
      expect(deliveredSecond.filter((c) => deliveredFirst.includes(c))).toEqual([]);
      expect(all).not.toContain(interrupted.split('|')[1]);
      expect(all).toHaveLength(SUBSCRIBERS - 1);
      expect(status.byChannel.test).toMatchObject({ queued: 0, sending: 0, sent: SUBSCRIBERS - 1, unknown: 1, failed: 0 });
      expect(status.failures[0]).toMatchObject({ refKey: interrupted, status: 'unknown', reason: expect.stringContaining('未知') });

      // Queuing the same notification again for the same recipient is refused by the database.
      const again = await run2.app.services.delivery.enqueue(run2.app.services.db, {
        kind: 'notification',
        dedupeKey: `notification:${sent.body.id}:test|conv-1`,
        refKey: 'test|conv-1',
        activities: [{ type: 'message', text: 'x' }],
      });
      expect(again).toBe(0);

      // An official can send the unknown one again on purpose.
      const retried = await api(`${run2.api}/notifications/${sent.body.id}/retry`, { token: TOKENS.editor, body: { includeUnknown: true } });
      expect(retried.body).toEqual({ requeued: 1 });
      await eventually(async () => second.to(interrupted.split('|')[1]).length === 1);
    } finally {
      await run2.close({ keepDb: true });
    }
  });
});
