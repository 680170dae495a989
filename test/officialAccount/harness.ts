import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import type { App } from '../../src/app';
import type { Feature, FeatureFactory } from '../../src/contracts/feature';
import type { Recognizer } from '../../src/nlu/types';
import { createOfficialAccountFeature, type OfficialAccountFeature, type OfficialAccountFeatureOptions } from '../../src/features/officialAccount';
import type { OfficialAccountChannel } from '../../src/channels/officialAccount/channel';
import type { InboundOutcome } from '../../src/channels/officialAccount/inbound';
import type { InboundMessage } from '../../src/channels/officialAccount/xml';
import { fakeRecognizer, startTestApp } from '../helpers/testApp';
import { testFeature } from '../wechat/testFeature';
import { FakeWechatApi } from './fake/fakeWechatApi';
import { PushSimulator, type PushMode } from './fake/pushSimulator';

export const APP_ID = 'wx5e2d0b6a1f3c4d7e';
export const APP_SECRET = 'fake-secret-0123456789abcdef0123';
export const TOKEN = 'huibotOaToken2026';
export const AES_KEY = 'kT3vQ9xL2mR7pW5nB8cY1dF6gH4jK0sA2eU9iO3zX7b';
export const TEMPLATE_ID = 'tmpl_activity_notice_001';
export const POLICY_ANSWER = '深度诊断由园区出资，企业免费参加。';
export const SLOW_ANSWER = '这是需要多想一会儿的答复。';
export const SLOW_TURN_MS = 700;
export const PASSIVE_REPLY_MS = 300;

class ReplyDialog extends ComponentDialog {
  constructor(id: string, reply: string, delayMs = 0) {
    super(id);
    this.addDialog(
      new WaterfallDialog(`${id}Steps`, [
        async (step) => {
          if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
          await step.context.sendActivity(reply);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = `${id}Steps`;
  }
}

/** A short policy answer and a slow one, beside the wechaty tests' sign-up and long-text dialogs. */
const oaTestDialogs: FeatureFactory = (): Feature => ({
  name: 'oa-test-dialogs',
  routes: [
    { intents: ['which_tier'], dialog: new ReplyDialog('policyAnswer', POLICY_ANSWER) },
    { intents: ['handoff'], dialog: new ReplyDialog('slowAnswer', SLOW_ANSWER, SLOW_TURN_MS) },
  ],
});

export const oaRecognizer = fakeRecognizer([
  ['你好', 'greeting'],
  ['帮助', 'help'],
  ['深度诊断收费吗', 'which_tier'],
  ['慢慢想的问题', 'handoff'],
  [/^我要报名/, 'sign_up'],
  ['最近有什么活动', 'list_activities'],
  ['政策全文', 'policy_question'],
]);

export interface Handled {
  message: InboundMessage;
  outcome: InboundOutcome;
}

export interface OaWorld {
  app: App;
  /** the Official Account channel the app runs */
  channel: OfficialAccountChannel;
  api: FakeWechatApi;
  wechat: PushSimulator;
  handled: Handled[];
  endpoint: string;
  close(): Promise<void>;
}

/** The whole bot with the Official Account feature, a fake WeChat API and a push simulator. */
export async function startOaWorld(
  options: {
    mode?: PushMode;
    env?: Record<string, string>;
    feature?: OfficialAccountFeatureOptions;
    logger?: Logger;
    /** the bot's other features (default: the test dialogs) and its recognizer */
    features?: FeatureFactory[];
    recognizer?: Recognizer;
  } = {},
): Promise<OaWorld> {
  const mode = options.mode ?? 'safe';
  const api = new FakeWechatApi({ appId: APP_ID, appSecret: APP_SECRET, templateIds: [TEMPLATE_ID] });
  const apiBase = await api.start();
  const handled: Handled[] = [];
  const officialAccountFeature = createOfficialAccountFeature({
    passiveReplyMs: PASSIVE_REPLY_MS,
    backoffMs: 1000,
    onPushHandled: (message, outcome) => handled.push({ message, outcome }),
    ...options.feature,
  });
  let officialAccount: OfficialAccountFeature | undefined;
  const { app, url } = await startTestApp({
    recognizer: options.recognizer ?? oaRecognizer,
    ...(options.logger ? { logger: options.logger } : {}),
    features: [
      ...(options.features ?? [testFeature, oaTestDialogs]),
      (services) => (officialAccount = officialAccountFeature(services)),
    ],
    env: {
      WECHAT_OA_APP_ID: APP_ID,
      WECHAT_OA_APP_SECRET: APP_SECRET,
      WECHAT_OA_TOKEN: TOKEN,
      WECHAT_OA_AES_KEY: mode === 'plain' ? '' : AES_KEY,
      WECHAT_OA_API_BASE: apiBase,
      WECHAT_OA_TEMPLATE_ID: TEMPLATE_ID,
      WECHAT_OA_TEMPLATE_URL: 'https://huibot.example.gov.cn/',
      ...options.env,
    },
  });
  const channel = officialAccount?.channel;
  if (!channel) {
    await app.close();
    await api.close();
    throw new Error('the Official Account channel did not start');
  }
  const endpoint = `${url}/wechat/oa`;
  const wechat = new PushSimulator({
    endpoint,
    token: TOKEN,
    appId: APP_ID,
    aesKey: mode === 'plain' ? undefined : AES_KEY,
    mode,
    onPush: (openId, fields) => {
      if (fields.MsgType !== 'event' || fields.Event !== 'unsubscribe') api.interact(openId);
      else api.unfollow(openId);
    },
  });
  return {
    app,
    channel,
    api,
    wechat,
    handled,
    endpoint,
    async close() {
      await app.close();
      await api.close();
    },
  };
}

export async function waitUntil<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let openIdCounter = 0;
/** A fresh OpenID per test (28 characters, like WeChat's). */
export function newOpenId(): string {
  return `oHuiBot${String(++openIdCounter).padStart(4, '0')}${Math.random().toString(36).slice(2, 12).padEnd(10, 'x')}AbCdEfG`.slice(0, 28);
}
