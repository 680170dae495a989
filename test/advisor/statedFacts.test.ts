import { createRecognizer } from '../../src/nlu';
import { createBotFeatures } from '../../src/features';
import { messageActivity, postJson, startReplyListener, startTestApp } from '../helpers/testApp';

// Facts a user states to the Q&A ("我们是省级专精特新…") are kept for the advisor's later questions.
describe('facts stated in a policy question', () => {
  test('are not asked again when the user then asks what support they get', async () => {
    const listener = await startReplyListener();
    const { app, url } = await startTestApp({ recognizer: await createRecognizer(), features: createBotFeatures });
    try {
      const say = async (text: string, count: number) => {
        await postJson(`${url}/api/messages`, messageActivity(listener.serviceUrl, 'conv-stated', text, 'user-stated'));
        return (await listener.waitFor(count)).slice(-1)[0].body.text ?? '';
      };
      expect(await say('我们是省级专精特新，属于哪一类', 1)).toMatch(/^属于一类/);
      await say('我们能享受哪些支持', 2);
      const asked = listener.replies.slice(1).map((r) => r.body.text ?? '').join('\n');
      expect(asked).not.toMatch(/哪一级/);
    } finally {
      await app.close();
      await listener.close();
    }
  });

  test('a question about another enterprise type is not taken as a fact about the user', async () => {
    const listener = await startReplyListener();
    const { app, url } = await startTestApp({ recognizer: await createRecognizer(), features: createBotFeatures });
    try {
      await postJson(`${url}/api/messages`, messageActivity(listener.serviceUrl, 'conv-hypo', '区级专精特新企业算第几类', 'user-hypo'));
      await listener.waitFor(1);
      await postJson(`${url}/api/messages`, messageActivity(listener.serviceUrl, 'conv-hypo', '我们能享受哪些支持', 'user-hypo'));
      const replies = await listener.waitFor(2);
      expect(replies.slice(1).map((r) => r.body.text ?? '').join('\n')).toMatch(/哪一级/);
    } finally {
      await app.close();
      await listener.close();
    }
  });
});
