/**
 * Buttons carry a structured value (messageBack): a click is routed by MainDialog straight to its
 * intent's dialog without recognising the text, and the dialog reads the activity's id from the
 * value. Typed text ("报名：<title>") still goes through the recognizer; WeChat's numbered reply to
 * such a button delivers the same value.
 */
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { activitiesFeature, type ActivitiesFeature } from '../../src/features/activities';
import type { Recognizer } from '../../src/nlu/types';
import type { Activity as EventActivity } from '../../src/activities/types';
import { matchMenuChoice, renderActivity } from '../../src/channels/wechat/render';
import { renderForTerminal } from '../../src/channels/terminal/terminalAdapter';
import { activityCard } from '../../dialogs/activities/cards';
import { signUpButton } from '../../dialogs/activities/buttons';
import { withButtons } from '../../dialogs/buttons';
import { realRecognizer } from './harness';
import { removeDb, tempDbPath } from '../helpers/testApp';

let app: App<{ activities: ActivitiesFeature }>;
let dbPath: string;
let calls = 0;
let events: EventActivity[];

beforeAll(async () => {
  const real = await realRecognizer();
  const counting: Recognizer = { recognize: async (text) => (calls++, real.recognize(text)) };
  dbPath = tempDbPath();
  const config = loadConfig({ DB_PATH: dbPath, LOG_LEVEL: 'silent', SEED_DEMO: 'true' });
  app = await createApp(config, { features: async (services) => ({ activities: await activitiesFeature(services) }), recognizer: counting });
  events = (await app.features.activities.module.activities.listUpcoming({ limit: 20 })).filter((a) => a.signupDeadline > new Date().toISOString());
}, 60_000);

afterAll(async () => {
  await app.close();
  removeDb(dbPath);
});

const adapter = () => new TestAdapter((context) => app.runtime.bot.run(context));
const shown = (a: Partial<Activity>) => [a.text ?? '', ...(a.suggestedActions?.actions ?? []).map((b) => b.title)].join('\n');
const message = (text: string, value?: object): Partial<Activity> => ({ type: ActivityTypes.Message, text, ...(value ? { value } : {}) });

test('the activity buttons are messageBack actions whose value names the intent and the activity', () => {
  const event = events[0];
  const card = activityCard(event, { capacity: 10, taken: 5, remaining: 5, waitlisted: 0 }, new Date());
  const buttons = (card.content as { buttons: Array<{ type: string; title: string; text: string; value: unknown }> }).buttons;
  expect(buttons.map((b) => [b.type, b.title, b.value])).toEqual([
    ['messageBack', `报名：${event.title}`, { action: 'sign_up', activityId: event.id }],
    ['messageBack', `详情：${event.title}`, { action: 'list_activities', activityId: event.id }],
  ]);
  expect(buttons.every((b) => b.text === b.title)).toBe(true);
});

test('a click on 详情 routes by its value, without calling the recognizer, and shows that activity', async () => {
  // The text says another activity: the value decides.
  const [event, other] = events;
  calls = 0;
  await adapter()
    .send(message(`详情：${other.title}`, { action: 'list_activities', activityId: event.id }))
    .assertReply((a) => expect(shown(a)).toContain(`「${event.title}」`))
    .startTest();
  expect(calls).toBe(0);
});

test('a click on 报名 starts the sign-up for the activity of its value, without recognition', async () => {
  // The text says another activity: the value decides.
  const [event, other] = events;
  calls = 0;
  const service = app.features.activities.module.activities;
  const byId = jest.spyOn(service, 'get');
  const byTitle = jest.spyOn(service, 'findUpcomingByTitle');
  const test = adapter();
  await test.send(message(`报名：${other.title}`, { action: 'sign_up', activityId: event.id })).startTest();
  const notice = test.activeQueue.splice(0).map(shown).join('\n');
  expect(notice).toContain('个人信息');
  expect(calls).toBe(0);
  const accept = notice.split('\n').find((line) => /同意|确认/.test(line) && line.length < 12)!;
  await test.send(accept).startTest();
  expect(test.activeQueue.splice(0).map(shown).join('\n')).toContain('企业全称');
  // The dialog took the activity from the value (by id), never looked the text's title up.
  expect(byId).toHaveBeenCalledWith(event.id);
  expect(byId).not.toHaveBeenCalledWith(other.id);
  expect(byTitle).not.toHaveBeenCalled();
  byId.mockRestore();
  byTitle.mockRestore();
});

test('the same text typed (no value) is recognised and routed by its prefix', async () => {
  const [, other] = events;
  calls = 0;
  await adapter()
    .send(message(`详情：${other.title}`))
    .assertReply((a) => expect(shown(a)).toContain(`「${other.title}」`))
    .startTest();
  expect(calls).toBe(1);
});

test('a value whose action no dialog serves is ignored: the text is recognised', async () => {
  const [event] = events;
  calls = 0;
  await adapter()
    .send(message(`详情：${event.title}`, { action: 'no_such_intent', activityId: event.id }))
    .assertReply((a) => expect(shown(a)).toContain(`「${event.title}」`))
    .startTest();
  expect(calls).toBe(1);
});

test('WeChat and the terminal: a number picks the option and delivers the same value', () => {
  const [event] = events;
  const reply = withButtons(['我的报名', signUpButton(event)], '请选择');
  const rendered = renderActivity(reply);
  expect(rendered?.texts.join('\n')).toContain(`2. 报名：${event.title}`);
  const picked = matchMenuChoice('2', rendered?.menu);
  expect(picked).toEqual({ label: `报名：${event.title}`, value: `报名：${event.title}`, payload: { action: 'sign_up', activityId: event.id } });
  expect(matchMenuChoice('1', rendered?.menu)).toEqual({ label: '我的报名', value: '我的报名' });
  const terminal = renderForTerminal(reply);
  expect(terminal.choices).toEqual(['我的报名', `报名：${event.title}`]);
  expect(terminal.values).toEqual([undefined, { action: 'sign_up', activityId: event.id }]);
});
