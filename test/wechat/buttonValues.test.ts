/**
 * A button with a structured value, shown in WeChat as a numbered option: replying its number
 * delivers the same value a click would (activity.value), so MainDialog routes it without recognition.
 */
import { buttonsFeature, countingRecognizer } from '../helpers/buttonFeature';
import type { App } from '../../src/app';
import { createWechatFeature } from '../../src/features/wechat';
import { startTestApp } from '../helpers/testApp';
import { MockWechat } from './mockWechat';

const counter = countingRecognizer();
const counting = counter.recognizer;

describe('WeChat: a numbered reply to a button with a value', () => {
  const world = new MockWechat();
  let app: App;

  beforeAll(async () => {
    ({ app } = await startTestApp({
      recognizer: counting,
      features: [buttonsFeature, createWechatFeature({ wechaty: world.wechaty })],
      env: { WECHATY_PUPPET: 'wechaty-puppet-mock', WECHATY_NAME: 'huibot-button-test', WECHAT_SEND_GAP_MIN_MS: '1', WECHAT_SEND_GAP_MAX_MS: '5' },
    }));
    await world.login();
  });
  afterAll(() => app.close());

  test('delivers the value, routed without recognition; typing the text is recognised', async () => {
    const erin = world.person('Erin');
    const [menu] = await erin.ask('最近有什么活动');
    expect(menu).toContain('2. 报名：企业沙龙');
    counter.reset();
    expect(await erin.ask('2')).toEqual(['报名活动 42（报名：企业沙龙）']);
    expect(counter.calls()).toBe(0);
    expect(await erin.ask('报名：企业沙龙')).toEqual(['报名活动 未指明（报名：企业沙龙）']);
    expect(counter.calls()).toBe(1);
  });
});
