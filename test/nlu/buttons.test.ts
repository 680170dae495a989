/**
 * Every button the dialogs render must come back to the flow that rendered it, whatever the
 * title it carries ("报名：…（线上+线下）" is a sign-up, not a question about 线上报名).
 */
import { buttonTitle } from '../../src/domain/buttons';
import { demoActivities } from '../../src/activities/seed';
import { ADVISOR_BUTTONS } from '../../src/advisor/copy';
import { CANCEL_PREFIX, DETAILS_PREFIX, SIGN_UP_PREFIX } from '../../dialogs/activities/buttons';
import { MENU_ACTIONS } from '../../dialogs/messages';
import type { Intent } from '../../src/domain/vocabulary';
import { NOW, recognizer } from './fixture';

const titles = demoActivities(NOW).map((a) => a.title);
/** titles with the words that used to stop the sign-up rule (线上, 线下, 什么, 吗, 怎么) */
const awkwardTitles = ['什么是专精特新？政策解读会（线上）', '线下沙龙：如何申报小巨人', '融资怎么做吗？企业沙龙', '专精特新 SHOW（线上+线下）'];

describe('activity buttons', () => {
  test('the demo activities exist', () => expect(titles.length).toBeGreaterThanOrEqual(4));

  const cases: Array<[string, Intent]> = [];
  for (const title of [...titles, ...awkwardTitles]) {
    cases.push([`${SIGN_UP_PREFIX}${title}`, 'sign_up'], [`${DETAILS_PREFIX}${title}`, 'list_activities'], [`${CANCEL_PREFIX}${title}`, 'cancel_signup']);
  }
  test.each(cases)('%s → %s', async (text, intent) => {
    expect((await (await recognizer()).recognize(text)).intent).toBe(intent);
  });

  test('an ASCII colon and spaces route too', async () => {
    const r = await recognizer();
    expect((await r.recognize(`报名 : ${titles[1]}`)).intent).toBe('sign_up');
    expect((await r.recognize(`取消报名:${titles[0]}`)).intent).toBe('cancel_signup');
  });

  test('a prefix without a title is not a button', async () => {
    const r = await recognizer();
    expect((await r.recognize('详情：')).intent).not.toBe('list_activities');
  });
});

describe('advisor buttons', () => {
  test.each([
    [ADVISOR_BUTTONS.support, 'what_support'],
    [ADVISOR_BUTTONS.whyNot, 'what_support'],
    [ADVISOR_BUTTONS.profile, 'my_profile'],
    [ADVISOR_BUTTONS.editProfile, 'my_profile'],
    [ADVISOR_BUTTONS.deleteProfile, 'delete_profile'],
  ] as Array<[string, Intent]>)('%s → %s', async (text, intent) => {
    expect((await (await recognizer()).recognize(text)).intent).toBe(intent);
  });

  test('支持详情：<汇> for every 汇 of the knowledge', async () => {
    const r = await recognizer();
    const huis = r.kb.items.filter((i) => i.kind === 'hui');
    expect(huis.length).toBe(5);
    for (const hui of huis) expect([hui.title, (await r.recognize(buttonTitle(ADVISOR_BUTTONS.hui(hui.title, hui.hui)))).intent]).toEqual([hui.title, 'what_support']);
  });

  test('报名：<title> from the advisor', async () => {
    const r = await recognizer();
    for (const title of titles) expect((await r.recognize(buttonTitle(ADVISOR_BUTTONS.signUp({ id: 1, title })))).intent).toBe('sign_up');
  });
});

describe('menu and Q&A buttons', () => {
  test.each([
    [MENU_ACTIONS[0], 'which_tier'],
    [MENU_ACTIONS[1], 'what_support'],
    [MENU_ACTIONS[2], 'list_activities'],
    [MENU_ACTIONS[3], 'my_signups'],
    [MENU_ACTIONS[4], 'handoff'],
  ] as Array<[string, Intent]>)('%s → %s', async (text, intent) => {
    expect((await (await recognizer()).recognize(text)).intent).toBe(intent);
  });

  test('the Q&A follow-up buttons (each item’s ask) are answered by their item', async () => {
    const r = await recognizer();
    const wrong: string[] = [];
    for (const item of r.kb.items) {
      const got = await r.recognize(item.ask);
      if (got.intent !== 'policy_question' || got.candidates[0]?.id !== item.id) wrong.push(`${item.ask} → ${got.intent} ${got.candidates[0]?.id}`);
    }
    expect(wrong).toEqual([]);
  });
});
