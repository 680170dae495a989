/**
 * The 服务号 as WeChat (wechaty): a numbered reply to a button with a structured value delivers
 * that value (activity.value), so MainDialog routes it without recognition.
 */
import { buttonsFeature, countingRecognizer } from '../helpers/buttonFeature';
import { newOpenId, startOaWorld, type OaWorld } from './harness';

const counter = countingRecognizer();
const counting = counter.recognizer;

describe('服务号: a numbered reply to a button with a value', () => {
  let world: OaWorld;
  beforeAll(async () => {
    // (What is checked is the routing, not how fast: a loaded machine must not push the reply past the passive
    // window into the customer-service API, so the window here is long.)
    world = await startOaWorld({ mode: 'plain', features: [buttonsFeature], recognizer: counting, feature: { passiveReplyMs: 10_000 } });
  });
  afterAll(() => world.close());

  test('delivers the value, routed without recognition; typing the text is recognised', async () => {
    const user = newOpenId();
    expect((await world.wechat.text(user, '最近有什么活动')).reply).toContain('2. 报名：企业沙龙');
    counter.reset();
    expect((await world.wechat.text(user, '2')).reply).toBe('报名活动 42（报名：企业沙龙）');
    expect(counter.calls()).toBe(0);
    expect((await world.wechat.text(user, '报名：企业沙龙')).reply).toBe('报名活动 未指明（报名：企业沙龙）');
    expect(counter.calls()).toBe(1);
  });
});
